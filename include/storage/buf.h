/*
 * storage/buf.h — buffer numbers.
 *
 * A Buffer names one of the shared buffers: 1 .. NBuffers (0 is invalid;
 * PostgreSQL's negative numbers for backend-local buffers are not used).
 */
#ifndef TUSK_STORAGE_BUF_H
#define TUSK_STORAGE_BUF_H

typedef int Buffer;

#define InvalidBuffer 0
#define BufferIsValid(bufnum) ((bufnum) != InvalidBuffer)

#endif /* TUSK_STORAGE_BUF_H */
