#pragma once

#include "pg/ConnectionSpec.h"

#include <QProcessEnvironment>
#include <QString>

namespace strata {

// pg_service.conf files, read the way libpq's parseServiceFile reads them.
class ServiceFile
{
public:
    // The [serviceName] section of the file at `filePath`; an error when it has none.
    static ConnectionSpec read(const QString &serviceName, const QString &filePath,
                               SpecError *error = nullptr);
    // Looks the service up where libpq does: PGSERVICEFILE or ~/.pg_service.conf, then
    // PGSYSCONFDIR/pg_service.conf (or the system default).
    static ConnectionSpec find(const QString &serviceName, const QProcessEnvironment &env,
                               SpecError *error = nullptr);
};

} // namespace strata
