#pragma once

#include <QStringList>

namespace strata {

// `strata rollback`: undoes applied migrations with their down SQL (stored, or derived from the
// snapshot chain) and deletes their ledger rows, in one transaction, after showing the SQL.
class RollbackCommand
{
public:
    static int run(const QStringList &arguments);
};

} // namespace strata
