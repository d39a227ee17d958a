#include "RenameArguments.h"

#include "Tr.h"

namespace strata {

namespace {

// "public.\"Odd.name\"" -> {"public", "Odd.name"}: dots split, except inside double quotes.
QStringList dottedParts(const QString &text)
{
    QStringList parts{QString()};
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar ch = text.at(i);
        if (ch == QLatin1Char('"')) {
            if (quoted && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"')) {
                parts.last() += ch;
                ++i;
            } else {
                quoted = !quoted;
            }
        } else if (ch == QLatin1Char('.') && !quoted) {
            parts << QString();
        } else {
            parts.last() += ch;
        }
    }
    return parts;
}

} // namespace

bool RenameArguments::add(const QString &argument, RenameDecisions *decisions, QString *error)
{
    const qsizetype colon = argument.indexOf(QLatin1Char(':'));
    const qsizetype equals = argument.indexOf(QLatin1Char('='), colon + 1);
    if (colon <= 0 || equals < 0) {
        *error = Tr::tr("--rename %1: write kind:old=new, e.g. table:public.users=public.accounts").arg(argument);
        return false;
    }
    const QString kind = argument.left(colon);
    const QStringList from = dottedParts(argument.mid(colon + 1, equals - colon - 1));
    const QStringList to = dottedParts(argument.mid(equals + 1));
    const auto bad = [&] {
        *error = Tr::tr("--rename %1: names do not fit the kind %2").arg(argument, kind);
        return false;
    };
    if (from.contains(QString()) || to.contains(QString()))
        return bad();
    const QString publicSchema = QStringLiteral("public");
    RenameDecisions::Rename rename;
    if (kind == QLatin1String("schema") || kind == QLatin1String("role")) {
        if (from.size() != 1 || to.size() != 1)
            return bad();
        rename.from.name = from.first();
        rename.to.name = to.first();
        (kind == QLatin1String("schema") ? decisions->schemas : decisions->roles) << rename;
        return true;
    }
    if (kind == QLatin1String("column") || kind == QLatin1String("policy")) {
        if (from.size() < 2 || from.size() > 3 || to.size() != 1)
            return bad();
        rename.from.schema = from.size() == 3 ? from.first() : publicSchema;
        rename.from.table = from.at(from.size() - 2);
        rename.from.name = from.last();
        rename.to = rename.from;
        rename.to.name = to.first();
        (kind == QLatin1String("column") ? decisions->columns : decisions->policies) << rename;
        return true;
    }
    QList<RenameDecisions::Rename> *list = kind == QLatin1String("table")      ? &decisions->tables
                                           : kind == QLatin1String("enum")     ? &decisions->enums
                                           : kind == QLatin1String("sequence") ? &decisions->sequences
                                           : kind == QLatin1String("view")     ? &decisions->views
                                                                               : nullptr;
    if (!list) {
        *error = Tr::tr("--rename %1: unknown kind %2 (schema, table, column, enum, sequence, view, policy, role)")
                     .arg(argument, kind);
        return false;
    }
    if (from.size() > 2 || to.size() > 2)
        return bad();
    rename.from.schema = from.size() == 2 ? from.first() : publicSchema;
    rename.from.name = from.last();
    rename.to.schema = to.size() == 2 ? to.first() : publicSchema;
    rename.to.name = to.last();
    *list << rename;
    return true;
}

} // namespace strata
