/*
 * access/hash.h — the hash access method's support function numbers
 * (PostgreSQL's hash.h): 1, the 32-bit hash of a value; 2, the 64-bit
 * hash with a seed.
 */
#ifndef TUSK_ACCESS_HASH_H
#define TUSK_ACCESS_HASH_H

#define HASHSTANDARD_PROC 1
#define HASHEXTENDED_PROC 2

#endif /* TUSK_ACCESS_HASH_H */
