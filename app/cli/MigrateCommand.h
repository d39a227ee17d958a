#pragma once

#include <QStringList>

namespace strata {

// `strata migrate`: applies a folder's pending migrations (MigrationRunner), the way
// drizzle-orm's migrator does but with a lock, hash checks, progress and cancel.
class MigrateCommand
{
public:
    static int run(const QStringList &arguments);
};

} // namespace strata
