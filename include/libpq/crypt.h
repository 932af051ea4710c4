/*
 * libpq/crypt.h — stored password verifiers (PostgreSQL's libpq/crypt.h).
 *
 * CREATE / ALTER ROLE … PASSWORD store a verifier, never the password:
 * under password_encryption = scram-sha-256 (the default) a SCRAM-SHA-256
 * verifier in PostgreSQL's format
 *   SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>
 * (base64 fields, RFC 5802 / 7677), under md5 "md5" followed by the hex MD5
 * of password and role name.  A password given already in one of these
 * forms is stored as given.  Password authentication (pg_hba methods
 * scram-sha-256 / md5 / password) is not in Tusk yet.
 *
 * Principal entry points: get_password_type, encrypt_password,
 * scram_build_secret.
 */
#ifndef TUSK_LIBPQ_CRYPT_H
#define TUSK_LIBPQ_CRYPT_H

typedef enum PasswordType
{
	PASSWORD_TYPE_PLAINTEXT = 0,
	PASSWORD_TYPE_MD5,
	PASSWORD_TYPE_SCRAM_SHA_256
} PasswordType;

/* password_encryption (a PasswordType: md5 or scram-sha-256) */
extern int Password_encryption;

#ifdef __cplusplus
extern "C++" {
#include <string>

/* How a stored or given password is encoded. */
PasswordType get_password_type(const char *shadow_pass);

/* The verifier to store for role's password, in the target form (the
 * password itself when it is already a verifier).  ERROR for a password
 * SASLprep would change (non-ASCII: not supported yet). */
std::string encrypt_password(PasswordType target_type, const char *role, const char *password);

/* A SCRAM-SHA-256 verifier for password with this salt and iteration
 * count (exposed for tests: the same inputs give PostgreSQL's verifier). */
std::string scram_build_secret(const std::string &salt, int iterations, const char *password);
}
#endif

#endif /* TUSK_LIBPQ_CRYPT_H */
