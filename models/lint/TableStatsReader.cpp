#include "TableStatsReader.h"

#include "pg/BlockingQuery.h"
#include "pg/Connection.h"

namespace strata {

Query TableStatsReader::query()
{
    // relpages * block size, not pg_relation_size(): the same estimate as reltuples, and no
    // file to stat per table. Partitioned tables (relkind 'p') hold no rows themselves.
    return Query{QStringLiteral(
        "SELECT n.nspname, c.relname, c.reltuples, c.relpages,"
        " c.relpages::bigint * pg_catalog.current_setting('block_size')::bigint AS bytes,"
        " a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod) AS type"
        " FROM pg_catalog.pg_class c"
        " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
        " LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped"
        " WHERE c.relkind IN ('r', 'p', 'm', 'f')"
        " AND n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'"), {}};
}

TableStats TableStatsReader::fromResult(const QueryResult &result, int serverVersion)
{
    TableStats stats;
    const int schema = result.columnIndex(QStringLiteral("nspname"));
    const int table = result.columnIndex(QStringLiteral("relname"));
    const int tuples = result.columnIndex(QStringLiteral("reltuples"));
    const int pages = result.columnIndex(QStringLiteral("relpages"));
    const int bytes = result.columnIndex(QStringLiteral("bytes"));
    const int column = result.columnIndex(QStringLiteral("attname"));
    const int type = result.columnIndex(QStringLiteral("type"));
    // One row per column (a table without columns: one row, attname NULL); the table's own
    // figures repeat on each.
    for (int row = 0; row < result.rowCount(); ++row) {
        const QString s = result.value(row, schema);
        const QString t = result.value(row, table);
        double rows = result.value(row, tuples).toDouble();
        if (serverVersion < 140000 && rows == 0 && result.value(row, pages).toLongLong() == 0)
            rows = -1;
        const qint64 size = result.value(row, bytes).toLongLong();
        stats.setTable(s, t, rows, rows < 0 && size == 0 ? -1 : size);
        if (!result.isNull(row, column))
            stats.setColumnType(s, t, result.value(row, column), result.value(row, type));
    }
    return stats;
}

std::optional<TableStats> TableStatsReader::readAndWait(Connection &connection, PgError *error)
{
    const std::optional<QueryResult> result = BlockingQuery::run(connection, query(), error);
    if (!result)
        return std::nullopt;
    return fromResult(*result, connection.serverInfo().versionNumber);
}

} // namespace strata
