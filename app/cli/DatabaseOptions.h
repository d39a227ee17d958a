#pragma once

#include "FolderOptions.h"
#include "migrations/Ledger.h"
#include "pg/ConnectionSpec.h"

#include <QCommandLineOption>
#include <QCommandLineParser>

#include <optional>

namespace strata {

// The options of the commands that work on a database and a migrations folder together
// (status, migrate, rollback): which database (--url, else the project's DIRECT_URL, then
// DATABASE_URL, else libpq's PG* defaults), which folder (FolderOptions), and which
// bookkeeping table (the project's `migrations` setting, or --migrations-schema/-table).
class DatabaseOptions
{
public:
    struct Resolved {
        FolderOptions::Resolved folder;
        ConnectionSpec spec;   // empty: libpq's defaults (PGHOST, PGDATABASE, …)
        QString specSource;    // "--url", ".env DIRECT_URL", "PGHOST and friends", …
        Ledger ledger;
    };

    DatabaseOptions();
    void addTo(QCommandLineParser &parser) const;
    // Nothing, and *error (a usage error), when the options or the project cannot be read.
    std::optional<Resolved> resolve(const QCommandLineParser &parser, QString *error) const;

private:
    FolderOptions m_folders;
    QCommandLineOption m_url;
    QCommandLineOption m_schema;
    QCommandLineOption m_table;
};

} // namespace strata
