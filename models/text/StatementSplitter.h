#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

namespace strata {

// A place in a text, in every unit someone needs: libpg_query and QScintilla count UTF-8
// bytes, QString counts UTF-16 units, people and PostgreSQL count characters.
struct TextPosition {
    qsizetype byteOffset = 0;  // 0-based, in the text's UTF-8 encoding
    qsizetype charOffset = 0;  // 0-based, in UTF-16 units: an index into the QString
    int line = 0;              // 1-based; 0 means "no position"
    int column = 0;            // 1-based, in characters (Unicode code points; a tab is one)

    bool isValid() const { return line > 0; }
    friend bool operator==(const TextPosition &, const TextPosition &) = default;
};

// One SQL statement that libpg_query found inside a piece.
struct SqlStatement {
    QString text;        // from its first token to its last, without comments around it or the ';'
    TextPosition start;  // its first token, in the file
    TextPosition end;    // just after its last token, in the file
};

// Where libpg_query could not read a piece. PostgreSQL would refuse the same text.
struct SqlSyntaxError {
    QString message;        // e.g. `syntax error at or near "WHERE"`
    TextPosition position;  // in the file; the piece's first statement when libpg_query gives none
    int piece = -1;         // index into SqlScript::pieces

    bool isNull() const { return message.isEmpty(); }
};

// One piece of a migration file as drizzle's migrator sends it in one query: the text
// between two `--> statement-breakpoint` markers, not trimmed, possibly blank.
struct StatementPiece {
    QString text;                    // exactly what drizzle sends
    TextPosition start;              // where text begins in the file
    TextPosition end;                // where it ends (exclusive): a marker or the end of the file
    QList<SqlStatement> statements;  // empty for a piece of only blanks and comments
    SqlSyntaxError error;            // null when libpg_query read the piece

    // Nothing but blanks and comments: the server accepts it and does nothing.
    bool isBlank() const { return statements.isEmpty() && error.isNull(); }
};

// A migration file split twice: into drizzle's pieces, and each piece into statements.
struct SqlScript {
    QList<StatementPiece> pieces;  // always at least one (a file without markers is one piece)

    int statementCount() const;
    QList<SqlSyntaxError> errors() const;
    // Where a server error `position` (PG_DIAG_STATEMENT_POSITION: 1-based, in characters
    // of the query text sent) lands in the file, for a piece sent whole (as drizzle does) or
    // for one statement's text sent alone. Invalid for an index out of range.
    TextPosition locateInPiece(int piece, int position) const;
    TextPosition locateInStatement(int piece, int statement, int position) const;
};

// Splits migration SQL exactly as drizzle-orm's migrator does, then finds the real
// statements in each piece with PostgreSQL's own parser (libpg_query, PostgreSQL 15).
class StatementSplitter
{
public:
    static QString breakpointMarker();  // "--> statement-breakpoint"

    // drizzle's `query.split("--> statement-breakpoint")`: a plain substring split, not
    // SQL-aware (a marker inside a string or a $$ body splits too), pieces not trimmed.
    static QStringList drizzlePieces(const QString &text);
    // `text` is the file as drizzle reads it (see NodeUtf8): positions count in it.
    static SqlScript split(const QString &text);

    // Where the character at 1-based `position` inside `sent` lands in the file, `sent`
    // starting at `start`. A position past the end gives the end of `sent`; below 1, `start`.
    static TextPosition locate(const TextPosition &start, QStringView sent, int position);
    // The position of the character at `byteOffset` in the UTF-8 encoding of `text` (for
    // parsers that report bytes, like nlohmann/json); past the end gives the end.
    static TextPosition positionAtByte(QStringView text, qsizetype byteOffset);
};

} // namespace strata
