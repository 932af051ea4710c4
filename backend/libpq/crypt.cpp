/*
 * crypt.cpp — password verifiers for pg_authid.rolpassword (libpq/crypt.h).
 *
 * SCRAM-SHA-256 (RFC 7677) as PostgreSQL 15 stores it: a 16-byte random
 * salt, 4096 iterations, SaltedPassword = PBKDF2-HMAC-SHA-256(password,
 * salt, iterations), StoredKey = SHA-256(HMAC(SaltedPassword, "Client
 * Key")), ServerKey = HMAC(SaltedPassword, "Server Key"), all in base64.
 * The cryptography is OpenSSL's (libcrypto).  PostgreSQL passes the
 * password through SASLprep first; for ASCII passwords that is the
 * identity (and a password with ASCII control characters is used as is),
 * so Tusk accepts ASCII passwords and refuses others until it has
 * SASLprep's Unicode normalization.
 *
 * Principal entry points: get_password_type, encrypt_password,
 * scram_build_secret.
 */
#include "postgres.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>
#include <openssl/sha.h>

#include <cstring>
#include <string>

#include "libpq/crypt.h"

int Password_encryption = PASSWORD_TYPE_SCRAM_SHA_256;

namespace {

/* PostgreSQL 15's fixed SCRAM parameters (SCRAM_DEFAULT_ITERATIONS,
 * SCRAM_DEFAULT_SALT_LEN). */
constexpr int kScramIterations = 4096;
constexpr int kScramSaltLen = 16;
constexpr int kScramKeyLen = SHA256_DIGEST_LENGTH;
constexpr size_t kMd5PasswdLen = 35; /* "md5" + 32 hex digits */

std::string Base64(const unsigned char *data, size_t len)
{
	std::string out(4 * ((len + 2) / 3) + 1, '\0');
	int n = EVP_EncodeBlock(reinterpret_cast<unsigned char *>(out.data()), data,
							static_cast<int>(len));
	out.resize(static_cast<size_t>(n));
	return out;
}

/* base64 decode; false if s is not valid base64. */
bool Unbase64(const std::string &s, std::string *out)
{
	if (s.empty() || s.size() % 4 != 0)
		return false;
	std::string buf(s.size() / 4 * 3 + 1, '\0');
	int n = EVP_DecodeBlock(reinterpret_cast<unsigned char *>(buf.data()),
							reinterpret_cast<const unsigned char *>(s.data()),
							static_cast<int>(s.size()));
	if (n < 0)
		return false;
	size_t len = static_cast<size_t>(n);
	/* EVP_DecodeBlock counts the padding as zero bytes */
	if (s[s.size() - 1] == '=')
		len--;
	if (s[s.size() - 2] == '=')
		len--;
	buf.resize(len);
	*out = buf;
	return true;
}

void Hmac(const unsigned char *key, size_t keylen, const char *msg, unsigned char *out)
{
	unsigned int outlen = 0;
	if (HMAC(EVP_sha256(), key, static_cast<int>(keylen),
			 reinterpret_cast<const unsigned char *>(msg), strlen(msg), out, &outlen) == nullptr)
		elog(ERROR, "could not compute HMAC-SHA-256");
}

/* Whether shadow is a SCRAM-SHA-256 verifier PostgreSQL would parse. */
bool ParseScramSecret(const char *shadow)
{
	const char *prefix = "SCRAM-SHA-256$";
	if (strncmp(shadow, prefix, strlen(prefix)) != 0)
		return false;
	std::string rest = shadow + strlen(prefix);
	size_t colon = rest.find(':');
	size_t dollar = rest.find('$');
	if (colon == std::string::npos || dollar == std::string::npos || colon > dollar)
		return false;
	std::string iters = rest.substr(0, colon);
	if (iters.empty() || iters.find_first_not_of("0123456789") != std::string::npos)
		return false;
	std::string salt, stored, server;
	if (!Unbase64(rest.substr(colon + 1, dollar - colon - 1), &salt))
		return false;
	std::string keys = rest.substr(dollar + 1);
	size_t colon2 = keys.find(':');
	if (colon2 == std::string::npos)
		return false;
	return Unbase64(keys.substr(0, colon2), &stored) && stored.size() == kScramKeyLen &&
		Unbase64(keys.substr(colon2 + 1), &server) && server.size() == kScramKeyLen;
}

/* The SASLprep'd password: ASCII passwords are unchanged. */
void CheckSaslprep(const char *password)
{
	for (const char *p = password; *p; p++)
		if (static_cast<unsigned char>(*p) >= 0x80)
			ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					errmsg("passwords with non-ASCII characters are not supported yet"));
}

}  // namespace

PasswordType get_password_type(const char *shadow_pass)
{
	size_t len = strlen(shadow_pass);
	if (strncmp(shadow_pass, "md5", 3) == 0 && len == kMd5PasswdLen &&
		strspn(shadow_pass + 3, "0123456789abcdef") == kMd5PasswdLen - 3)
		return PASSWORD_TYPE_MD5;
	if (ParseScramSecret(shadow_pass))
		return PASSWORD_TYPE_SCRAM_SHA_256;
	return PASSWORD_TYPE_PLAINTEXT;
}

std::string scram_build_secret(const std::string &salt, int iterations, const char *password)
{
	unsigned char salted[kScramKeyLen];
	if (PKCS5_PBKDF2_HMAC(password, static_cast<int>(strlen(password)),
						  reinterpret_cast<const unsigned char *>(salt.data()),
						  static_cast<int>(salt.size()), iterations, EVP_sha256(), kScramKeyLen,
						  salted) != 1)
		elog(ERROR, "could not compute PBKDF2-HMAC-SHA-256");
	unsigned char client_key[kScramKeyLen];
	unsigned char stored_key[kScramKeyLen];
	unsigned char server_key[kScramKeyLen];
	Hmac(salted, sizeof(salted), "Client Key", client_key);
	SHA256(client_key, sizeof(client_key), stored_key);
	Hmac(salted, sizeof(salted), "Server Key", server_key);
	std::string out = "SCRAM-SHA-256$";
	out += std::to_string(iterations);
	out += ':';
	out += Base64(reinterpret_cast<const unsigned char *>(salt.data()), salt.size());
	out += '$';
	out += Base64(stored_key, sizeof(stored_key));
	out += ':';
	out += Base64(server_key, sizeof(server_key));
	return out;
}

std::string encrypt_password(PasswordType target_type, const char *role, const char *password)
{
	PasswordType guessed = get_password_type(password);
	if (guessed != PASSWORD_TYPE_PLAINTEXT)
		return password; /* already a verifier: stored as given */
	if (target_type == PASSWORD_TYPE_MD5)
	{
		std::string input = password;
		input += role;
		unsigned char digest[16];
		unsigned int len = 0;
		if (EVP_Digest(input.data(), input.size(), digest, &len, EVP_md5(), nullptr) != 1)
			elog(ERROR, "could not compute MD5 hash");
		static const char kHex[] = "0123456789abcdef";
		std::string out = "md5";
		for (unsigned char b : digest)
		{
			out += kHex[b >> 4];
			out += kHex[b & 0xF];
		}
		return out;
	}
	CheckSaslprep(password);
	unsigned char salt[kScramSaltLen];
	if (RAND_bytes(salt, sizeof(salt)) != 1)
		ereport(ERROR, errcode(ERRCODE_INTERNAL_ERROR), errmsg("could not generate random salt"));
	return scram_build_secret(std::string(reinterpret_cast<char *>(salt), sizeof(salt)),
							  kScramIterations, password);
}
