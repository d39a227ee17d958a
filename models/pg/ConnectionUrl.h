#pragma once

#include "pg/ConnectionSpec.h"

#include <QString>
#include <QStringView>

namespace strata {

// PostgreSQL URLs (postgresql://user:password@host:port/dbname?keyword=value), read the way
// libpq's conninfo_uri_parse reads them and printed so that they read back to the same spec.
class ConnectionUrl
{
public:
    // Whether `text` starts with postgresql:// or postgres://, exactly as libpq wants it.
    static bool hasScheme(QStringView text);
    // Exactly what libpq reads: no blanks around it, and errors point at their column.
    static ConnectionSpec parse(const QString &url, SpecError *error = nullptr);
    // Only a leading run of user, password, host, port and dbname goes into the authority,
    // the rest into the query, so that parse() gives back the same ordered spec.
    static QString print(const ConnectionSpec &spec,
                         ConnectionSpec::Password password = ConnectionSpec::Password::Hide);
};

} // namespace strata
