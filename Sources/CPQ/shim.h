// libpq, PostgreSQL's client library. Debian's libpq-dev installs it under /usr/include/postgresql
// (pkg-config libpq says so too); naming the directory here works without pkg-config.
#include <postgresql/libpq-fe.h>
