/*
 * backend_status.h — reading back what this backend reported through
 * pgstat_report_activity (utils/backend_status.h).
 */
#ifndef TUSK_BACKEND_UTILS_ACTIVITY_BACKEND_STATUS_H
#define TUSK_BACKEND_UTILS_ACTIVITY_BACKEND_STATUS_H

#include <string>

#include "utils/backend_status.h"

namespace tusk::activity {

/* The state and query last reported by this process. */
BackendState MyActivityState();
const std::string &MyActivityQuery();

}  // namespace tusk::activity

#endif /* TUSK_BACKEND_UTILS_ACTIVITY_BACKEND_STATUS_H */
