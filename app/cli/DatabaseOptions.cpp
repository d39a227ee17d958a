#include "DatabaseOptions.h"

#include "Tr.h"

#include <QProcessEnvironment>

namespace strata {

DatabaseOptions::DatabaseOptions()
    : m_folders(Tr::tr("The drizzle project (default: the current folder): its drizzle.config.ts names the migrations "
                       "folder and bookkeeping table, its .env the database."),
                Tr::tr("The migrations folder itself, instead of a project."))
    , m_url(QStringLiteral("url"),
            Tr::tr("The database (a postgres:// URL or libpq's key=value string). Default: the project's DIRECT_URL, "
                   "then DATABASE_URL, then libpq's PG* variables."),
            Tr::tr("conninfo"))
    , m_schema(QStringLiteral("migrations-schema"),
               Tr::tr("The bookkeeping table's schema (default: the project's migrations.schema, else drizzle)."),
               Tr::tr("name"))
    , m_table(QStringLiteral("migrations-table"),
              Tr::tr("The bookkeeping table (default: the project's migrations.table, else __drizzle_migrations)."),
              Tr::tr("name"))
{
}

void DatabaseOptions::addTo(QCommandLineParser &parser) const
{
    m_folders.addTo(parser);
    parser.addOptions({m_url, m_schema, m_table});
}

std::optional<DatabaseOptions::Resolved> DatabaseOptions::resolve(const QCommandLineParser &parser, QString *error) const
{
    std::optional<FolderOptions::Resolved> folder = m_folders.resolve(parser, error);
    if (!folder)
        return std::nullopt;
    Resolved resolved{*folder, {}, {}, Ledger()};
    const std::optional<DrizzleProject> &project = folder->project;
    if (project)
        resolved.ledger = Ledger::of(*project);
    const QString schema = parser.isSet(m_schema) ? parser.value(m_schema) : resolved.ledger.schema();
    const QString table = parser.isSet(m_table) ? parser.value(m_table) : resolved.ledger.table();
    if (schema.isEmpty() || table.isEmpty()) {
        *error = Tr::tr("the bookkeeping table's schema and name cannot be empty");
        return std::nullopt;
    }
    resolved.ledger = Ledger(schema, table);

    SpecError specError;
    if (parser.isSet(m_url)) {
        resolved.spec = ConnectionSpec::parse(parser.value(m_url), &specError);
        resolved.specSource = QStringLiteral("--url");
    } else if (project) {
        resolved.spec = project->connection(DrizzleProject::Purpose::Migrate, &specError);
        resolved.specSource = project->connectionSource(DrizzleProject::Purpose::Migrate);
    } else {
        const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const QString &name : {QStringLiteral("DIRECT_URL"), QStringLiteral("DATABASE_URL")}) {
            if (env.value(name).isEmpty())
                continue;
            resolved.spec = ConnectionSpec::parse(env.value(name), &specError);
            resolved.specSource = Tr::tr("environment %1").arg(name);
            break;
        }
    }
    if (!specError.isNull()) {
        *error = specError.toString();
        return std::nullopt;
    }
    if (resolved.spec.isEmpty())
        resolved.specSource = Tr::tr("libpq's defaults (PGHOST, PGDATABASE, …)");
    return resolved;
}

} // namespace strata
