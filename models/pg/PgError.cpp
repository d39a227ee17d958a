#include "PgError.h"

#include "Tr.h"

namespace strata {

PgError PgError::client(const QString &message)
{
    PgError error;
    error.kind = Kind::Client;
    error.message = message;
    return error;
}

QString PgError::toString() const
{
    QString text = message;
    if (!sqlState.isEmpty())
        text += QStringLiteral(" (%1)").arg(sqlState);
    if (!detail.isEmpty())
        text += QLatin1Char('\n') + Tr::tr("Detail: %1").arg(detail);
    if (!hint.isEmpty())
        text += QLatin1Char('\n') + Tr::tr("Hint: %1").arg(hint);
    return text;
}

} // namespace strata
