/*
 * guc_tables.cpp — the settings table and the variables it binds.
 */
#include "postgres.h"

#include "utils/guc.h"

char *ConfigFileName = nullptr;
char *HbaFileName = nullptr;
char *IdentFileName = nullptr;
char *external_pid_file = nullptr;
char *application_name = nullptr;
char *cluster_name = nullptr;
int log_min_messages = WARNING;
int client_min_messages = NOTICE;
int log_min_error_statement = ERROR;
char *Log_line_prefix = const_cast<char *>("%m [%p] ");
char *log_timezone_string = nullptr;
char *Unix_socket_directories = nullptr;
char *ListenAddresses = nullptr;
int Unix_socket_permissions = 0777;
char *Unix_socket_group = nullptr;
int ReservedBackends = 3;
int AuthenticationTimeout = 60;
bool update_process_title = true;
char *shared_preload_libraries_string = nullptr;
bool restart_after_crash = true;
char *server_version_string = nullptr;
int server_version_num = 150000;
