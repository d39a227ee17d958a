#include "StatementSplitter.h"

#include "Tr.h"

#include <pg_query.h>

#include <algorithm>
#include <cstdint>

namespace strata {

namespace {

// Walks a text forward one code point at a time, keeping a TextPosition in all units.
class Cursor
{
public:
    // `text` begins at `start`.
    Cursor(QStringView text, const TextPosition &start) : m_text(text), m_position(start) {}

    const TextPosition &position() const { return m_position; }

    void advanceCodePoints(qsizetype count)
    {
        while (count-- > 0 && step()) {
        }
    }
    void advanceToByte(qsizetype byteOffset)
    {
        while (m_position.byteOffset < byteOffset && step()) {
        }
    }
    void advanceToChar(qsizetype charOffset)
    {
        while (m_position.charOffset < charOffset && step()) {
        }
    }

private:
    bool step()
    {
        if (m_index >= m_text.size())
            return false;
        const char16_t c = m_text[m_index].unicode();
        qsizetype units = 1;
        qsizetype bytes = 3;
        if (QChar::isHighSurrogate(c) && m_index + 1 < m_text.size()
            && m_text[m_index + 1].isLowSurrogate()) {
            units = 2;
            bytes = 4;
        } else if (c < 0x80) {
            bytes = 1;
        } else if (c < 0x800) {
            bytes = 2;
        }
        // Only LF ends a line: CRLF then ends it too, and a lone CR is as rare in SQL files
        // as it is ambiguous in editors.
        if (c == u'\n') {
            ++m_position.line;
            m_position.column = 1;
        } else {
            ++m_position.column;
        }
        m_index += units;
        m_position.charOffset += units;
        m_position.byteOffset += bytes;
        return true;
    }

    QStringView m_text;
    qsizetype m_index = 0;
    TextPosition m_position;
};

// A token of pg_query_scan's result. The result is protobuf (pg_query.proto, ScanResult);
// its two messages are decoded by hand, so that Strata needs no protobuf-c headers.
struct ScanToken {
    int start = 0;  // byte offsets in the scanned text
    int end = 0;    // exclusive
    int kind = 0;   // the Token enum of pg_query.proto
};

constexpr int tokenSemicolon = 59;   // ASCII_59
constexpr int tokenSqlComment = 275;  // SQL_COMMENT
constexpr int tokenCComment = 276;    // C_COMMENT

bool readVarint(const std::uint8_t *&p, const std::uint8_t *end, std::uint64_t &value)
{
    value = 0;
    for (int shift = 0; p < end && shift < 64; shift += 7) {
        const std::uint8_t byte = *p++;
        value |= std::uint64_t(byte & 0x7f) << shift;
        if (!(byte & 0x80))
            return true;
    }
    return false;
}

// Calls `field(number, value, bytes, length)` for each field; false on malformed input.
template<typename Field>
bool readMessage(const std::uint8_t *p, const std::uint8_t *end, Field field)
{
    while (p < end) {
        std::uint64_t key = 0;
        if (!readVarint(p, end, key))
            return false;
        const int number = int(key >> 3);
        switch (key & 7) {
        case 0: {
            std::uint64_t value = 0;
            if (!readVarint(p, end, value))
                return false;
            field(number, value, nullptr, 0);
            break;
        }
        case 1:
            if (end - p < 8)
                return false;
            p += 8;
            break;
        case 2: {
            std::uint64_t length = 0;
            if (!readVarint(p, end, length) || std::uint64_t(end - p) < length)
                return false;
            field(number, 0, p, qsizetype(length));
            p += length;
            break;
        }
        case 5:
            if (end - p < 4)
                return false;
            p += 4;
            break;
        default:
            return false;
        }
    }
    return true;
}

// Tokens with comments; empty when the scanner fails (then the parser failed too).
QList<ScanToken> scan(const QByteArray &utf8)
{
    QList<ScanToken> tokens;
    PgQueryScanResult result = pg_query_scan(utf8.constData());
    if (!result.error) {
        const auto *data = reinterpret_cast<const std::uint8_t *>(result.pbuf.data);
        const bool ok = readMessage(data, data + result.pbuf.len,
                                    [&](int number, std::uint64_t, const std::uint8_t *bytes, qsizetype length) {
            if (number != 2 || !bytes)
                return;
            ScanToken token;
            readMessage(bytes, bytes + length, [&](int n, std::uint64_t value, const std::uint8_t *, qsizetype) {
                if (n == 1)
                    token.start = int(value);
                else if (n == 2)
                    token.end = int(value);
                else if (n == 4)
                    token.kind = int(value);
            });
            tokens.append(token);
        });
        if (!ok)
            tokens.clear();
    }
    pg_query_free_scan_result(result);
    return tokens;
}

struct ByteRange {
    int begin = 0;
    int end = 0;  // exclusive
};

QList<ByteRange> rangesOf(const PgQuerySplitResult &split, int size)
{
    QList<ByteRange> ranges;
    for (int i = 0; i < split.n_stmts; ++i) {
        const int location = split.stmts[i]->stmt_location;
        // A length of 0 means "to the end of the input" (a last statement without ';').
        const int length = split.stmts[i]->stmt_len;
        ranges.append({location, length > 0 ? std::min(size, location + length) : size});
    }
    return ranges;
}

bool isComment(const ScanToken &token)
{
    return token.kind == tokenSqlComment || token.kind == tokenCComment;
}

// Statements as the tokens between top-level semicolons, comments left out.
QList<ByteRange> rangesBetweenSemicolons(const QList<ScanToken> &tokens)
{
    QList<ByteRange> ranges;
    ByteRange current{-1, -1};
    for (const ScanToken &token : tokens) {
        if (isComment(token))
            continue;
        if (token.kind == tokenSemicolon) {
            if (current.begin >= 0)
                ranges.append(current);
            current = {-1, -1};
            continue;
        }
        if (current.begin < 0)
            current.begin = token.start;
        current.end = token.end;
    }
    if (current.begin >= 0)
        ranges.append(current);
    return ranges;
}

// The range without the blanks, comments and ';' around the statement; empty if nothing is left.
ByteRange trimmed(const ByteRange &range, const QList<ScanToken> &tokens, const QByteArray &utf8)
{
    if (tokens.isEmpty()) {
        // No tokens (the scanner failed): blanks only.
        ByteRange r = range;
        while (r.begin < r.end && QChar::isSpace(uchar(utf8[r.begin])))
            ++r.begin;
        while (r.end > r.begin && QChar::isSpace(uchar(utf8[r.end - 1])))
            --r.end;
        return r;
    }
    int first = -1;
    int last = -1;
    for (int i = 0; i < tokens.size(); ++i) {
        const ScanToken &token = tokens[i];
        if (token.start < range.begin || token.end > range.end || isComment(token))
            continue;
        if (first < 0)
            first = i;
        last = i;
    }
    while (last >= first && first >= 0 && tokens[last].kind == tokenSemicolon)
        --last;
    if (first < 0 || last < first)
        return {range.begin, range.begin};
    return {tokens[first].start, tokens[last].end};
}

void readPiece(StatementPiece &piece, int index)
{
    const QByteArray utf8 = piece.text.toUtf8();
    if (utf8.contains('\0')) {
        // libpg_query reads a C string, and the server refuses a NUL anyway.
        piece.error.message = Tr::tr("the text contains a NUL character, which PostgreSQL refuses");
        piece.error.piece = index;
        piece.error.position = StatementSplitter::locate(piece.start, piece.text,
                                                         int(piece.text.indexOf(QChar(0))) + 1);
        return;
    }
    PgQuerySplitResult split = pg_query_split_with_parser(utf8.constData());
    QList<ByteRange> ranges;
    QList<ScanToken> tokens;
    int errorPosition = 0;
    if (split.error) {
        piece.error.message = QString::fromUtf8(split.error->message);
        piece.error.piece = index;
        errorPosition = split.error->cursorpos;
        // Statement boundaries anyway, for progress and navigation: the scanner knows
        // strings, dollar quotes and comments, just not the grammar. (Not
        // pg_query_split_with_scanner: it drops statements that do not start with a keyword.)
        tokens = scan(utf8);
        ranges = rangesBetweenSemicolons(tokens);
    } else {
        ranges = rangesOf(split, int(utf8.size()));
        if (!ranges.isEmpty())
            tokens = scan(utf8);
    }
    pg_query_free_split_result(split);

    Cursor cursor(piece.text, piece.start);
    for (const ByteRange &range : ranges) {
        const ByteRange r = trimmed(range, tokens, utf8);
        if (r.begin >= r.end)
            continue;
        SqlStatement statement;
        cursor.advanceToByte(piece.start.byteOffset + r.begin);
        statement.start = cursor.position();
        cursor.advanceToByte(piece.start.byteOffset + r.end);
        statement.end = cursor.position();
        statement.text = piece.text.mid(statement.start.charOffset - piece.start.charOffset,
                                        statement.end.charOffset - statement.start.charOffset);
        piece.statements.append(statement);
    }
    if (!piece.error.isNull()) {
        if (errorPosition > 0)
            piece.error.position = StatementSplitter::locate(piece.start, piece.text, errorPosition);
        else
            piece.error.position = piece.statements.isEmpty() ? piece.start : piece.statements.first().start;
    }
}

} // namespace

int SqlScript::statementCount() const
{
    int count = 0;
    for (const StatementPiece &piece : pieces)
        count += int(piece.statements.size());
    return count;
}

QList<SqlSyntaxError> SqlScript::errors() const
{
    QList<SqlSyntaxError> result;
    for (const StatementPiece &piece : pieces) {
        if (!piece.error.isNull())
            result.append(piece.error);
    }
    return result;
}

TextPosition SqlScript::locateInPiece(int piece, int position) const
{
    if (piece < 0 || piece >= pieces.size())
        return {};
    const StatementPiece &p = pieces[piece];
    return StatementSplitter::locate(p.start, p.text, position);
}

TextPosition SqlScript::locateInStatement(int piece, int statement, int position) const
{
    if (piece < 0 || piece >= pieces.size())
        return {};
    const StatementPiece &p = pieces[piece];
    if (statement < 0 || statement >= p.statements.size())
        return {};
    const SqlStatement &s = p.statements[statement];
    return StatementSplitter::locate(s.start, s.text, position);
}

QString StatementSplitter::breakpointMarker()
{
    return QStringLiteral("--> statement-breakpoint");
}

QStringList StatementSplitter::drizzlePieces(const QString &text)
{
    // QString::split keeps empty parts by default, as JavaScript's String.split does.
    return text.split(breakpointMarker());
}

SqlScript StatementSplitter::split(const QString &text)
{
    SqlScript script;
    const QString marker = breakpointMarker();
    Cursor cursor(text, TextPosition{0, 0, 1, 1});
    qsizetype from = 0;
    for (;;) {
        const qsizetype at = text.indexOf(marker, from);
        const qsizetype to = at < 0 ? text.size() : at;
        StatementPiece piece;
        piece.text = text.mid(from, to - from);
        piece.start = cursor.position();
        readPiece(piece, int(script.pieces.size()));
        cursor.advanceToChar(to);
        piece.end = cursor.position();
        script.pieces.append(piece);
        if (at < 0)
            break;
        from = at + marker.size();
        cursor.advanceToChar(from);
    }
    return script;
}

TextPosition StatementSplitter::locate(const TextPosition &start, QStringView sent, int position)
{
    Cursor cursor(sent, start);
    cursor.advanceCodePoints(position - 1);
    return cursor.position();
}

TextPosition StatementSplitter::positionAtByte(QStringView text, qsizetype byteOffset)
{
    Cursor cursor(text, TextPosition{0, 0, 1, 1});
    cursor.advanceToByte(byteOffset);
    return cursor.position();
}

} // namespace strata
