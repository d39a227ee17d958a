#pragma once

#include "schema/Column.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace strata {

// A rectangular selection of cells, as copied from the grid.
struct CellBlock {
    QString schema, table;    // for SQL INSERT
    QList<Column> columns;    // the selected columns, in order
    QList<QStringList> rows;  // text values as PostgreSQL prints them; null QString = NULL
};

// Selected cells as text for other programs, and pasted text back as cells.
namespace ClipboardFormat {

// Tab-separated, rows joined by "\n" (no newline after the last). NULL and "" -> empty;
// values with a tab, line break or '"' in double quotes, '"' doubled, as spreadsheets do.
QString tsv(const CellBlock &block, bool header = false);
// RFC 4180: a header row, CRLF after each row; NULL -> empty unquoted, "" -> "".
QString csv(const CellBlock &block);
// An array of objects keyed by column name, in column order, indented by 2. NULL -> null;
// integers, numeric and floats as JSON numbers written exactly as printed (NaN and Infinity as
// strings); booleans t/f -> true/false; json/jsonb embedded as JSON (as a string when it does
// not parse); arrays and everything else as strings.
QString json(const CellBlock &block);
// One INSERT INTO "s"."t" ("a", "b") VALUES ('x', NULL); per row, joined by "\n".
QString sqlInsert(const CellBlock &block);
// The inverse of tsv(): quoted cells, "\r\n" or "\n" between rows, one trailing line break
// ignored; an empty cell is "" (the caller decides whether it means NULL). Rows may differ in
// length. Empty text is no rows.
QList<QStringList> parseTsv(const QString &text);

} // namespace ClipboardFormat

} // namespace strata
