#pragma once

#include "pg/ConnectionSpec.h"

#include <QString>
#include <QStringList>

namespace strata {

// What TableExport writes: which rows of which relation, in which format, to which file.
struct ExportRequest {
    enum class Format { Csv, JsonLines, Sql };

    ConnectionSpec spec;
    QString password;          // may be empty (pgpass, a service file…)
    QString schema, table;     // the relation (table, view or materialized view), unquoted
    QStringList columns;       // exact column names, in output order; empty = all, in attnum order
    QString where;             // compiled filter SQL (a boolean expression, no WHERE); "" = all rows
    QStringList params;        // $1… used by `where`; a null QString = SQL NULL
    QString orderBy;           // ORDER BY body, already quoted SQL ("\"id\" DESC"); "" = none
    Format format = Format::Csv;
    QString path;              // the file to write
    double estimatedRows = -1; // for progress (pg_class.reltuples); -1 unknown
};

} // namespace strata
