#pragma once

#include <QByteArray>

namespace strata {

// How TableExport spells one value when it, not the server, writes the file: CSV exactly as
// COPY … (FORMAT csv) does, SQL literals for INSERT statements. Values are the server's
// text output (UTF-8) for a column of type `typeOid`.
namespace ExportEncoding {

// Appends one CSV field as COPY writes it: NULL is nothing; a value is quoted ("…", with "
// doubled) when it is empty, holds a comma, a quote, CR or LF, or is \. alone in a one-column
// row (which COPY FROM would take for the end of data).
void appendCsvField(QByteArray &out, const char *data, qsizetype size, bool isNull, bool onlyColumn);
// Appends a SQL literal: NULL; true/false for booleans; numbers bare when they are plain
// digits; anything else quoted ('…', with ' doubled), which the INSERT's column type reads.
// The file must run with standard_conforming_strings on (it says so itself).
void appendSqlLiteral(QByteArray &out, const char *data, qsizetype size, bool isNull, quint32 typeOid);

} // namespace ExportEncoding

} // namespace strata
