/*
 * access/sdir.h — which way a scan goes (PostgreSQL's sdir.h).
 */
#ifndef TUSK_ACCESS_SDIR_H
#define TUSK_ACCESS_SDIR_H

typedef enum ScanDirection
{
	BackwardScanDirection = -1,
	NoMovementScanDirection = 0,
	ForwardScanDirection = 1
} ScanDirection;

#endif /* TUSK_ACCESS_SDIR_H */
