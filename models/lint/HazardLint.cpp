#include "HazardLint.h"

#include "LintContext.h"
#include "Tr.h"
#include "schema/SnapshotTypes.h"

#include <QLocale>

#include <algorithm>
#include <climits>
#include <cmath>

namespace strata {

namespace {

QString tableKey(const QString &schema, const QString &table)
{
    return schema + QChar(0) + table;
}

// `relative` is a position inside a text that starts at `start` in the file.
TextPosition offsetBy(const TextPosition &start, const TextPosition &relative)
{
    TextPosition p;
    p.byteOffset = start.byteOffset + relative.byteOffset;
    p.charOffset = start.charOffset + relative.charOffset;
    p.line = start.line + relative.line - 1;
    p.column = relative.line == 1 ? start.column + relative.column - 1 : relative.column;
    return p;
}

} // namespace

void TableStats::setTable(const QString &schema, const QString &table, double estimatedRows, qint64 bytes)
{
    m_tables.insert(tableKey(schema, table), Size{estimatedRows, bytes});
}

void TableStats::setColumnType(const QString &schema, const QString &table, const QString &column, const QString &type)
{
    m_columnTypes.insert(tableKey(schema, table) + QChar(0) + column, type);
}

std::optional<double> TableStats::estimatedRows(const QString &schema, const QString &table) const
{
    const auto it = m_tables.constFind(tableKey(schema, table));
    if (it == m_tables.constEnd() || it->rows < 0 || std::isnan(it->rows))
        return std::nullopt;
    return it->rows;
}

std::optional<qint64> TableStats::bytes(const QString &schema, const QString &table) const
{
    const auto it = m_tables.constFind(tableKey(schema, table));
    if (it == m_tables.constEnd() || it->bytes < 0)
        return std::nullopt;
    return it->bytes;
}

bool TableStats::hasTable(const QString &schema, const QString &table) const
{
    return m_tables.contains(tableKey(schema, table));
}

QString TableStats::columnType(const QString &schema, const QString &table, const QString &column) const
{
    return m_columnTypes.value(tableKey(schema, table) + QChar(0) + column);
}

namespace lint {

namespace {

// C0, DEL, C1 and the two Unicode line breaks, which could end a one-line message, as \uXXXX.
QString visible(const QString &text)
{
    QString result;
    result.reserve(text.size());
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u < 0x20 || (u >= 0x7f && u < 0xa0) || u == 0x2028 || u == 0x2029)
            result += QStringLiteral("\\u%1").arg(uint(u), 4, 16, QLatin1Char('0'));
        else
            result += c;
    }
    return result;
}

} // namespace

QString quoted(const QString &identifier)
{
    return visible(SnapshotTypes::quoteIdentifier(identifier));
}

QString literal(const QString &value)
{
    QString doubled = value;
    doubled.replace(QLatin1Char('\''), QStringLiteral("\'\'"));
    return QLatin1Char('\'') + visible(doubled) + QLatin1Char('\'');
}

QString rowsText(double rows)
{
    if (rows < INT_MAX)
        return Tr::tr("about %Ln row(s)", nullptr, int(std::llround(rows)));
    return Tr::tr("about %1 rows").arg(QLocale().toString(qint64(rows)));
}

QString Relation::display() const
{
    return qualified ? quoted(schema) + QLatin1Char('.') + quoted(name) : quoted(name);
}

QString Relation::object() const
{
    return quoted(schema) + QLatin1Char('.') + quoted(name);
}

std::optional<Hazard::Severity> BySize::at(Size size) const
{
    switch (size) {
    case Size::New:
        return std::nullopt;
    case Size::Empty:
        return empty;
    case Size::Small:
        return small;
    case Size::Unknown:
        return unknown;
    case Size::Large:
        return large;
    }
    return std::nullopt;
}

Relation Linter::relation(const Json &rangeVar) const
{
    Relation r;
    r.name = text(rangeVar, "relname");
    r.schema = text(rangeVar, "schemaname");
    r.qualified = !r.schema.isEmpty();
    if (!r.qualified)
        r.schema = m_options.defaultSchema;
    return r;
}

Relation Linter::relation(const QStringList &names) const
{
    Relation r;
    if (names.isEmpty())
        return r;
    r.name = names.last();
    r.qualified = names.size() >= 2;
    r.schema = r.qualified ? names[names.size() - 2] : m_options.defaultSchema;
    return r;
}

std::optional<double> Linter::estimatedRows(const Relation &table) const
{
    const QString key = renamedFrom.value(table.key(), table.key());
    const qsizetype nul = key.indexOf(QChar(0));
    return m_options.stats.estimatedRows(key.left(nul), key.mid(nul + 1));
}

Size Linter::sizeOf(const Relation &table) const
{
    if (emptyTables.contains(table.key()))
        return Size::New;
    const QString key = renamedFrom.value(table.key(), table.key());
    const qsizetype nul = key.indexOf(QChar(0));
    const std::optional<qint64> bytes = m_options.stats.bytes(key.left(nul), key.mid(nul + 1));
    if (bytes && m_options.largeTableBytes > 0 && *bytes >= m_options.largeTableBytes)
        return Size::Large;
    const std::optional<double> rows = estimatedRows(table);
    if (!rows)
        return Size::Unknown;
    if (*rows <= 0)
        return Size::Empty;
    return *rows >= m_options.largeTableRows ? Size::Large : Size::Small;
}

TypeSpec Linter::columnType(const Relation &table, const QString &column) const
{
    const auto known = columns.constFind(table.key());
    if (known != columns.constEnd() && known->contains(column))
        return known->value(column);
    const QString key = renamedFrom.value(table.key(), table.key());
    const qsizetype nul = key.indexOf(QChar(0));
    const QString type = m_options.stats.columnType(key.left(nul), key.mid(nul + 1), column);
    return type.isEmpty() ? TypeSpec{} : typeSpecFromText(type);
}

bool Linter::isNewColumn(const Relation &table, const QString &column) const
{
    return createdTables.contains(table.key()) || newColumns.contains(table.key() + QChar(0) + column);
}

namespace {

// Keys that start with `from` (a table's key, then NUL and a column or constraint) moved to
// `to`; an empty `to` drops them.
void moveKeys(QSet<QString> &set, const QString &from, const QString &to)
{
    const QSet<QString> all = set;
    for (const QString &key : all) {
        if (!key.startsWith(from))
            continue;
        set.remove(key);
        if (!to.isEmpty())
            set.insert(to + key.mid(from.size()));
    }
}

void moveKeys(QHash<QString, QString> &hash, const QString &from, const QString &to)
{
    const QHash<QString, QString> all = hash;
    for (auto it = all.cbegin(); it != all.cend(); ++it) {
        if (!it.key().startsWith(from))
            continue;
        hash.remove(it.key());
        if (!to.isEmpty())
            hash.insert(to + it.key().mid(from.size()), it.value());
    }
}

} // namespace

void Linter::renameTable(const Relation &from, const Relation &to)
{
    const QString oldKey = from.key();
    const QString newKey = to.key();
    if (oldKey == newKey)
        return;
    if (emptyTables.remove(oldKey))
        emptyTables.insert(newKey);
    if (createdTables.remove(oldKey))
        createdTables.insert(newKey);
    // The statistics know the table by the name it had before the text touched it.
    const QString origin = renamedFrom.take(oldKey);
    renamedFrom.insert(newKey, origin.isEmpty() ? oldKey : origin);
    if (columns.contains(oldKey))
        columns.insert(newKey, columns.take(oldKey));
    if (columnOrder.contains(oldKey))
        columnOrder.insert(newKey, columnOrder.take(oldKey));
    moveKeys(newColumns, oldKey + QChar(0), newKey + QChar(0));
    moveKeys(notNullProven, oldKey + QChar(0), newKey + QChar(0));
    moveKeys(notNullChecks, oldKey + QChar(0), newKey + QChar(0));
}

void Linter::forgetTable(const Relation &table)
{
    const QString key = table.key();
    emptyTables.remove(key);
    createdTables.remove(key);
    renamedFrom.remove(key);
    columns.remove(key);
    columnOrder.remove(key);
    moveKeys(newColumns, key + QChar(0), QString());
    moveKeys(notNullProven, key + QChar(0), QString());
    moveKeys(notNullChecks, key + QChar(0), QString());
}

void Linter::report(const char *ruleId, Hazard::Severity severity, int location, const QString &object,
                    const QString &message, const QString &alternative)
{
    Hazard hazard;
    hazard.ruleId = QString::fromLatin1(ruleId);
    hazard.severity = severity;
    hazard.statementIndex = m_index;
    hazard.statement = m_statement->text;
    hazard.position = location < 0
        ? m_statement->start
        : offsetBy(m_statement->start, StatementSplitter::positionAtByte(m_statement->text, location));
    hazard.object = object;
    hazard.message = message;
    hazard.alternative = alternative;
    m_out.append(hazard);
}

void Linter::lintStatement(int index, const SqlStatement &statement, const ParsedStatement &parsed)
{
    m_index = index;
    m_statement = &statement;
    const QString type = parsed.nodeType();
    const Json &stmt = parsed.data()->stmt;
    const Json &node = *as(stmt, qPrintable(type));
    // Uses of new enum values first: the statement's own ADD VALUE is not a use.
    lintEnumUses(*this, stmt);
    lintTransactions(*this, type, node);
    lintTables(*this, type, node);
    lintData(*this, type, node);
    m_statement = nullptr;
}

} // namespace lint

namespace {

// The parser's message on one line: it quotes the text "at or near" the error, which for an
// unterminated string or dollar quote is everything up to the end of the piece.
QString parserMessage(const QString &message)
{
    constexpr qsizetype longest = 160;
    QString line = message.simplified();  // every run of whitespace, line breaks too, to one space
    for (QChar &c : line) {
        if (c.category() == QChar::Other_Control || c.category() == QChar::Separator_Line
            || c.category() == QChar::Separator_Paragraph) {
            c = QChar(0xFFFD);
        }
    }
    if (line.size() > longest) {
        qsizetype cut = longest - 1;
        if (line.at(cut - 1).isHighSurrogate())  // never half a character
            --cut;
        line = line.left(cut) + QChar(0x2026);
    }
    return line;
}

QString syntaxAlternative()
{
    // drizzle sends each piece (between breakpoints) as one query: one error stops all of it.
    return Tr::tr("Fix the syntax: the server refuses the whole query this is sent in.");
}

} // namespace

QList<Hazard> HazardLint::lint(const QString &sql, const LintOptions &options)
{
    return lint(StatementSplitter::split(sql), options);
}

QList<Hazard> HazardLint::lint(const SqlScript &script, const LintOptions &options)
{
    QList<Hazard> hazards;
    lint::Linter linter(options, hazards);
    int index = 0;
    for (const StatementPiece &piece : script.pieces) {
        const int firstIndex = index;
        const qsizetype pieceStart = hazards.size();
        bool errorShown = false;
        for (const SqlStatement &statement : piece.statements) {
            const int statementIndex = index++;
            const ParsedStatement parsed = ParsedStatement::parse(statement.text);
            if (parsed.isValid()) {
                linter.lintStatement(statementIndex, statement, parsed);
                continue;
            }
            // Each statement alone, so that one that does not parse hides nothing else.
            Hazard hazard;
            hazard.ruleId = QStringLiteral("syntax-error");
            hazard.severity = Hazard::Severity::Error;
            hazard.statementIndex = statementIndex;
            hazard.statement = statement.text;
            hazard.position = parsed.errorPosition() > 0
                ? StatementSplitter::locate(statement.start, statement.text, parsed.errorPosition())
                : statement.start;
            hazard.message = Tr::tr("PostgreSQL cannot parse this statement: %1").arg(parserMessage(parsed.errorMessage()));
            hazard.alternative = syntaxAlternative();
            hazards.append(hazard);
            errorShown = true;
        }
        if (!piece.error.isNull() && !errorShown) {
            // The piece failed as a whole (an unterminated string, a NUL) and no statement of
            // it can be named: report the splitter's error where the parser stopped.
            Hazard hazard;
            hazard.ruleId = QStringLiteral("syntax-error");
            hazard.severity = Hazard::Severity::Error;
            hazard.position = piece.error.position;
            hazard.message = Tr::tr("PostgreSQL cannot parse this text: %1").arg(parserMessage(piece.error.message));
            hazard.alternative = syntaxAlternative();
            for (qsizetype i = 0; i < piece.statements.size(); ++i) {
                if (piece.statements[i].start.charOffset <= hazard.position.charOffset) {
                    hazard.statementIndex = firstIndex + int(i);
                    hazard.statement = piece.statements[i].text;
                }
            }
            hazards.append(hazard);
        }
        // A piece's findings in text order (rules report in rule order, the piece's error last).
        std::stable_sort(hazards.begin() + pieceStart, hazards.end(), [](const Hazard &a, const Hazard &b) {
            return a.position.charOffset < b.position.charOffset;
        });
    }
    return hazards;
}

bool HazardLint::cannotRunInTransaction(const QString &statementSql, int serverVersion)
{
    return cannotRunInTransaction(ParsedStatement::parse(statementSql), serverVersion);
}

QStringList HazardLint::ruleIds()
{
    return {
        QStringLiteral("syntax-error"),
        QStringLiteral("drop-table"),
        QStringLiteral("drop-column"),
        QStringLiteral("drop-cascade"),
        QStringLiteral("column-type-rewrite"),
        QStringLiteral("add-column-volatile-default"),
        QStringLiteral("set-not-null"),
        QStringLiteral("add-column-not-null-no-default"),
        QStringLiteral("create-index-blocking"),
        QStringLiteral("constraint-not-not-valid"),
        QStringLiteral("non-transactional"),
        QStringLiteral("enum-value-used-in-same-transaction"),
        QStringLiteral("rename"),
        QStringLiteral("truncate"),
        QStringLiteral("update-without-where"),
        QStringLiteral("delete-without-where"),
    };
}

} // namespace strata
