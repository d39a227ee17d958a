#include "ParseTree.h"

#include "ParseNodes.h"
#include "Tr.h"

#include <pg_query.h>

namespace strata {

ParsedStatement::ParsedStatement() : d(std::make_shared<Data>()) {}

ParsedStatement ParsedStatement::parse(const QString &sql)
{
    auto data = std::make_shared<Data>();
    data->text = sql;
    const QByteArray utf8 = sql.toUtf8();
    if (utf8.contains('\0')) {
        // libpg_query reads a C string: it would silently stop at the NUL.
        data->error = Tr::tr("the text contains a NUL character, which PostgreSQL refuses");
        data->errorPosition = int(sql.left(sql.indexOf(QChar(0))).toUcs4().size()) + 1;
        ParsedStatement result;
        result.d = data;
        return result;
    }
    PgQueryParseResult parsed = pg_query_parse(utf8.constData());
    if (parsed.error) {
        data->error = QString::fromUtf8(parsed.error->message);
        // PostgreSQL's cursor position: 1-based, in characters, as StatementSplitter::locate wants.
        data->errorPosition = parsed.error->cursorpos;
    } else {
        // The JSON comes from libpg_query itself, so a parse failure here is a bug in it; the
        // non-throwing parse turns that into an invalid statement rather than a crash.
        const nlohmann::json tree = nlohmann::json::parse(parsed.parse_tree, nullptr, false);
        const lint::Json &stmts = lint::list(tree, "stmts");
        if (tree.is_discarded()) {
            data->error = Tr::tr("libpg_query returned a parse tree that is not JSON");
        } else if (stmts.size() != 1) {
            data->error = stmts.empty() ? Tr::tr("no statement (only blanks or comments)")
                                        : Tr::tr("more than one statement");
        } else if (const lint::Json *stmt = lint::member(stmts.front(), "stmt")) {
            data->stmt = *stmt;
            data->nodeType = lint::typeOf(*stmt);
            data->valid = !data->nodeType.isEmpty() && lint::as(*stmt, qPrintable(data->nodeType)) != nullptr;
        }
        if (!data->valid && data->error.isEmpty())
            data->error = Tr::tr("libpg_query returned an unexpected parse tree");
    }
    pg_query_free_parse_result(parsed);
    ParsedStatement result;
    result.d = data;
    return result;
}

bool ParsedStatement::isValid() const
{
    return d->valid;
}

QString ParsedStatement::text() const
{
    return d->text;
}

QString ParsedStatement::nodeType() const
{
    return d->nodeType;
}

QString ParsedStatement::errorMessage() const
{
    return d->error;
}

int ParsedStatement::errorPosition() const
{
    return d->errorPosition;
}

} // namespace strata
