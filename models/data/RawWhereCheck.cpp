#include "RawWhereCheck.h"

#include "Tr.h"
#include "text/StatementSplitter.h"

#include <pg_query.h>

#include <nlohmann/json.hpp>

namespace strata {

namespace {

// Both wrappers are ASCII, so their length in characters is also their length in bytes.
const QString parenthesizedPrefix = QStringLiteral("SELECT 1 WHERE (\n");
const QString parenthesizedSuffix = QStringLiteral("\n)");
const QString barePrefix = QStringLiteral("SELECT 1 WHERE \n");
const QString bareSuffix = QStringLiteral("\n");

// A QString index + 1 in `raw` for a 1-based position in code points (PostgreSQL's unit).
int rawPosition(const QString &raw, int codePoints)
{
    if (codePoints < 1)
        return 1;
    return int(StatementSplitter::locate(TextPosition{}, raw, codePoints).charOffset) + 1;
}

// The byte offset of the first ParamRef node in a parse tree, or -1.
int paramRefLocation(const nlohmann::json &node)
{
    if (node.is_object()) {
        const auto ref = node.find("ParamRef");
        if (ref != node.end()) {
            const auto location = ref->find("location");
            return location != ref->end() && location->is_number_integer() ? location->get<int>() : 0;
        }
        for (const auto &member : node) {
            const int found = paramRefLocation(member);
            if (found >= 0)
                return found;
        }
    } else if (node.is_array()) {
        for (const auto &item : node) {
            const int found = paramRefLocation(item);
            if (found >= 0)
                return found;
        }
    }
    return -1;
}

// Parses `raw` between `prefix` and `suffix`. A problem's position is in `raw`; one past its
// end when PostgreSQL points at the wrapper (a missing operand or parenthesis).
RawWhereProblem parseWrapped(const QString &raw, const QString &prefix, const QString &suffix)
{
    RawWhereProblem problem;
    const QByteArray utf8 = (prefix + raw + suffix).toUtf8();
    PgQueryParseResult parsed = pg_query_parse(utf8.constData());
    if (parsed.error) {
        problem.message = QString::fromUtf8(parsed.error->message);
        if (parsed.error->cursorpos > 0) {
            problem.position = rawPosition(raw, parsed.error->cursorpos - int(prefix.size()));
            // "at or near \"'abc\n)\"": the quoted token runs into the wrapper, which nobody typed.
            const QString intoSuffix = suffix + QLatin1Char('"');
            if (problem.message.endsWith(intoSuffix) && !suffix.trimmed().isEmpty())
                problem.message.replace(problem.message.size() - intoSuffix.size(), intoSuffix.size(),
                                        QStringLiteral("\""));
            if (problem.position > raw.size())
                // Not the user's text: "at or near ")"" would name a parenthesis nobody typed.
                problem.message = Tr::tr("syntax error at end of input");
        }
    } else {
        const nlohmann::json tree = nlohmann::json::parse(parsed.parse_tree, nullptr, false);
        const auto stmts = tree.is_object() ? tree.find("stmts") : tree.end();
        if (tree.is_discarded() || !tree.is_object() || stmts == tree.end() || !stmts->is_array()) {
            problem.message = Tr::tr("libpg_query returned an unexpected parse tree");
        } else if (stmts->size() != 1) {
            problem.message = Tr::tr("the clause must be one condition, not several statements");
        } else if (const int location = paramRefLocation(*stmts); location >= 0) {
            problem.message = Tr::tr("parameters such as $1 cannot be used in a typed WHERE clause");
            const qsizetype byte = qMax<qsizetype>(0, location - prefix.size());
            problem.position = int(StatementSplitter::positionAtByte(raw, byte).charOffset) + 1;
        }
    }
    pg_query_free_parse_result(parsed);
    return problem;
}

} // namespace

namespace RawWhereCheck {

RawWhereProblem check(const QString &rawWhere)
{
    if (rawWhere.trimmed().isEmpty())
        return {};
    if (const qsizetype nul = rawWhere.indexOf(QChar(0)); nul >= 0)
        // libpg_query reads a C string and would stop at the NUL; the server refuses it anyway.
        return {Tr::tr("the text contains a NUL character, which PostgreSQL refuses"), int(nul) + 1};
    const RawWhereProblem inParentheses = parseWrapped(rawWhere, parenthesizedPrefix, parenthesizedSuffix);
    if (!inParentheses.isNull() && inParentheses.position <= rawWhere.size())
        return inParentheses;
    // Bare, the clause's own parentheses must balance: `a) OR (b` fails here, at its ")".
    const RawWhereProblem bare = parseWrapped(rawWhere, barePrefix, bareSuffix);
    if (!bare.isNull() && (bare.position <= rawWhere.size() || inParentheses.isNull()))
        return bare;
    return inParentheses;
}

QString parenthesized(const QString &rawWhere)
{
    const QString trimmed = rawWhere.trimmed();
    // A line comment runs to the end of the line, so ")" must start a new one.
    if (trimmed.contains(QLatin1String("--")))
        return QLatin1Char('(') + trimmed + QStringLiteral("\n)");
    return QLatin1Char('(') + trimmed + QLatin1Char(')');
}

} // namespace RawWhereCheck

} // namespace strata
