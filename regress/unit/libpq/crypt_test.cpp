/*
 * crypt_test.cpp — password verifiers as PostgreSQL 15 stores and checks
 * them (libpq/crypt.h).
 */
#include "unit_test.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/sha.h>

#include <string>

#include "libpq/crypt.h"

namespace {

std::string Unbase64(const std::string &s)
{
	std::string out(s.size(), '\0');
	int n = EVP_DecodeBlock(reinterpret_cast<unsigned char *>(out.data()),
							reinterpret_cast<const unsigned char *>(s.data()),
							static_cast<int>(s.size()));
	REQUIRE(n >= 0);
	size_t len = static_cast<size_t>(n);
	if (s.size() >= 1 && s[s.size() - 1] == '=')
		len--;
	if (s.size() >= 2 && s[s.size() - 2] == '=')
		len--;
	out.resize(len);
	return out;
}

std::string Hmac(const std::string &key, const std::string &msg)
{
	unsigned char out[SHA256_DIGEST_LENGTH];
	unsigned int len = 0;
	HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
		 reinterpret_cast<const unsigned char *>(msg.data()), msg.size(), out, &len);
	return std::string(reinterpret_cast<char *>(out), len);
}

std::string Sha256(const std::string &s)
{
	unsigned char out[SHA256_DIGEST_LENGTH];
	SHA256(reinterpret_cast<const unsigned char *>(s.data()), s.size(), out);
	return std::string(reinterpret_cast<char *>(out), sizeof(out));
}

}  // namespace

TEST_CASE("a SCRAM verifier for PostgreSQL's salt is PostgreSQL's verifier", "[libpq][roles]")
{
	/* CREATE ROLE scramtest PASSWORD 'pencil' in PostgreSQL 15 stored: */
	const std::string pg =
		"SCRAM-SHA-256$4096:FbwVKmTWZeFEEjl2uJgNvQ==$YAq/VuJWVSJOviImiXYpekpQ3sMAFs2o"
		"ZC99PnVucKg=:Py1TZPDMmQq5R4GFuApZScmUTPLNoMkC3cDnyZI1E9Q=";
	REQUIRE(scram_build_secret(Unbase64("FbwVKmTWZeFEEjl2uJgNvQ=="), 4096, "pencil") == pg);
	REQUIRE(get_password_type(pg.c_str()) == PASSWORD_TYPE_SCRAM_SHA_256);
	/* a verifier given as the password is stored as given */
	REQUIRE(encrypt_password(PASSWORD_TYPE_SCRAM_SHA_256, "x", pg.c_str()) == pg);
	REQUIRE(encrypt_password(PASSWORD_TYPE_MD5, "x", pg.c_str()) == pg);
}

TEST_CASE("the stored SCRAM verifier accepts the client proof PostgreSQL's server checks",
		  "[libpq][roles]")
{
	std::string secret = encrypt_password(PASSWORD_TYPE_SCRAM_SHA_256, "alice", "correct horse");
	/* SCRAM-SHA-256$4096:<salt>$<StoredKey>:<ServerKey> */
	size_t colon = secret.find(':');
	size_t dollar = secret.find('$', colon);
	size_t colon2 = secret.find(':', dollar);
	REQUIRE(secret.substr(0, colon) == "SCRAM-SHA-256$4096");
	std::string salt = Unbase64(secret.substr(colon + 1, dollar - colon - 1));
	std::string stored_key = Unbase64(secret.substr(dollar + 1, colon2 - dollar - 1));
	std::string server_key = Unbase64(secret.substr(colon2 + 1));
	REQUIRE(salt.size() == 16);
	REQUIRE(stored_key.size() == 32);
	REQUIRE(server_key.size() == 32);

	/* The client side of RFC 5802 from the password alone. */
	auto client_proof = [&](const char *password, const std::string &auth_message) {
		unsigned char salted[32];
		PKCS5_PBKDF2_HMAC(password, static_cast<int>(strlen(password)),
						  reinterpret_cast<const unsigned char *>(salt.data()),
						  static_cast<int>(salt.size()), 4096, EVP_sha256(), 32, salted);
		std::string salted_password(reinterpret_cast<char *>(salted), 32);
		std::string client_key = Hmac(salted_password, "Client Key");
		std::string signature = Hmac(Sha256(client_key), auth_message);
		std::string proof(32, '\0');
		for (size_t i = 0; i < 32; i++)
			proof[i] = static_cast<char>(client_key[i] ^ signature[i]);
		return proof;
	};
	/* The server side, as PostgreSQL's verify_client_proof does it. */
	auto server_accepts = [&](const std::string &proof, const std::string &auth_message) {
		std::string signature = Hmac(stored_key, auth_message);
		std::string client_key(32, '\0');
		for (size_t i = 0; i < 32; i++)
			client_key[i] = static_cast<char>(proof[i] ^ signature[i]);
		return Sha256(client_key) == stored_key;
	};
	const std::string auth = "n=,r=abc,r=abcdef,s=xyz,i=4096,c=biws,r=abcdef";
	REQUIRE(server_accepts(client_proof("correct horse", auth), auth));
	REQUIRE_FALSE(server_accepts(client_proof("wrong horse", auth), auth));
	/* each verifier has its own salt */
	REQUIRE(encrypt_password(PASSWORD_TYPE_SCRAM_SHA_256, "alice", "correct horse") != secret);
}

TEST_CASE("an md5 verifier is md5 of password and role name, as PostgreSQL stores it",
		  "[libpq][roles]")
{
	/* PostgreSQL 15: SET password_encryption = md5; CREATE ROLE
	 * regress_roles_md5 PASSWORD 'secret' */
	REQUIRE(encrypt_password(PASSWORD_TYPE_MD5, "regress_roles_md5", "secret") ==
			"md51f76dbff4d51dd5e473efd8ced711846");
	REQUIRE(get_password_type("md51f76dbff4d51dd5e473efd8ced711846") == PASSWORD_TYPE_MD5);
	REQUIRE(get_password_type("md51f76dbff4d51dd5e473efd8ced71184") == PASSWORD_TYPE_PLAINTEXT);
	REQUIRE(get_password_type("SCRAM-SHA-256$4096:abc") == PASSWORD_TYPE_PLAINTEXT);
}
