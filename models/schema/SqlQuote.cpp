#include "SqlQuote.h"

namespace strata::SqlQuote {

QString identifier(const QString &name)
{
    QString doubled = name;
    doubled.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + doubled + QLatin1Char('"');
}

QString literal(const QString &text)
{
    QString doubled = text;
    doubled.replace(QLatin1Char('\''), QLatin1String("''"));
    return QLatin1Char('\'') + doubled + QLatin1Char('\'');
}

QString qualified(const QString &schema, const QString &name)
{
    return schema.isEmpty() ? identifier(name) : identifier(schema) + QLatin1Char('.') + identifier(name);
}

QString tableName(const QString &schema, const QString &name)
{
    return schema == QLatin1String("public") ? identifier(name) : qualified(schema, name);
}

QString identifierList(const QStringList &names, const QString &separator)
{
    QStringList quoted;
    quoted.reserve(names.size());
    for (const QString &name : names)
        quoted << identifier(name);
    return quoted.join(separator);
}

} // namespace strata::SqlQuote
