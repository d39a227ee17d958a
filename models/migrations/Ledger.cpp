#include "Ledger.h"

#include "migrations/Migration.h"
#include "pg/DrizzleProject.h"
#include "schema/SqlQuote.h"

namespace strata {

Ledger::Ledger(QString schema, QString table) : m_schema(std::move(schema)), m_table(std::move(table)) {}

Ledger Ledger::of(const DrizzleProject &project)
{
    return Ledger(project.migrationsSchema(), project.migrationsTable());
}

QString Ledger::qualifiedName() const
{
    return SqlQuote::qualified(m_schema, m_table);
}

Query Ledger::shapeQuery() const
{
    return {QStringLiteral("SELECT a.attname FROM pg_catalog.pg_attribute a "
                           "JOIN pg_catalog.pg_class c ON c.oid = a.attrelid "
                           "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
                           "WHERE n.nspname = $1 AND c.relname = $2 AND c.relkind IN ('r', 'p') "
                           "AND a.attnum > 0 AND NOT a.attisdropped"),
            {m_schema, m_table}};
}

Ledger::Shape Ledger::shapeFrom(const QueryResult &result)
{
    Shape shape;
    for (int row = 0; row < result.rowCount(); ++row) {
        const QString column = result.value(row, 0);
        shape.exists = true;
        shape.hasName = shape.hasName || column == QLatin1String("name");
        shape.hasAppliedAt = shape.hasAppliedAt || column == QLatin1String("applied_at");
    }
    return shape;
}

QList<Query> Ledger::createQueries(bool withNames) const
{
    QString columns = QStringLiteral("\n\t\t\tid SERIAL PRIMARY KEY,\n\t\t\thash text NOT NULL,\n\t\t\tcreated_at bigint");
    if (withNames)
        columns += QStringLiteral(",\n\t\t\tname text,\n\t\t\tapplied_at timestamp with time zone DEFAULT now()");
    return {{QStringLiteral("CREATE SCHEMA IF NOT EXISTS %1").arg(SqlQuote::identifier(m_schema)), {}},
            {QStringLiteral("CREATE TABLE IF NOT EXISTS %1 (%2\n\t\t)").arg(qualifiedName(), columns), {}}};
}

Query Ledger::readQuery(const Shape &shape) const
{
    QString columns = QStringLiteral("id, hash, created_at");
    columns += shape.hasName ? QStringLiteral(", name") : QStringLiteral(", NULL::text");
    columns += shape.hasAppliedAt ? QStringLiteral(", applied_at::text") : QStringLiteral(", NULL::text");
    return {QStringLiteral("SELECT %1 FROM %2 ORDER BY id").arg(columns, qualifiedName()), {}};
}

QList<LedgerRow> Ledger::rowsFrom(const QueryResult &result, const Shape &shape)
{
    Q_UNUSED(shape)
    QList<LedgerRow> rows;
    rows.reserve(result.rowCount());
    for (int row = 0; row < result.rowCount(); ++row) {
        LedgerRow ledgerRow;
        ledgerRow.id = result.value(row, 0).toLongLong();
        ledgerRow.hash = result.value(row, 1);
        if (!result.isNull(row, 2))
            ledgerRow.createdAt = result.value(row, 2).toLongLong();
        ledgerRow.name = result.value(row, 3);
        ledgerRow.appliedAt = result.value(row, 4);
        rows.append(ledgerRow);
    }
    return rows;
}

Query Ledger::insertQuery(const Migration &migration, const Shape &shape) const
{
    const QString hash = QString::fromLatin1(migration.hash);
    const QString when = QString::number(migration.when);
    if (shape.hasName) {
        return {QStringLiteral("INSERT INTO %1 (\"hash\", \"created_at\", \"name\") VALUES ($1, $2, $3)").arg(qualifiedName()),
                {hash, when, migration.tag}};
    }
    return {QStringLiteral("INSERT INTO %1 (\"hash\", \"created_at\") VALUES ($1, $2)").arg(qualifiedName()), {hash, when}};
}

Query Ledger::deleteQuery(qint64 id) const
{
    return {QStringLiteral("DELETE FROM %1 WHERE id = $1").arg(qualifiedName()), {QString::number(id)}};
}

} // namespace strata
