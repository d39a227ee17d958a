#include "Hazard.h"

#include "Tr.h"

namespace strata {

QString Hazard::toString(const QString &file) const
{
    QString where = file;
    if (position.isValid()) {
        if (!where.isEmpty())
            where += QLatin1Char(':');
        where += QString::number(position.line) + QLatin1Char(':') + QString::number(position.column);
    }
    QString text = severityText(severity) + QLatin1String(": ") + message;
    if (!ruleId.isEmpty())
        text += QLatin1String(" [") + ruleId + QLatin1Char(']');
    return where.isEmpty() ? text : where + QLatin1String(": ") + text;
}

QString Hazard::severityText(Severity severity)
{
    switch (severity) {
    case Severity::Error:
        return Tr::tr("error");
    case Severity::Warning:
        return Tr::tr("warning");
    case Severity::Info:
        return Tr::tr("info");
    }
    return QString();
}

QString Hazard::severityId(Severity severity)
{
    switch (severity) {
    case Severity::Error:
        return QStringLiteral("error");
    case Severity::Warning:
        return QStringLiteral("warning");
    case Severity::Info:
        return QStringLiteral("info");
    }
    return QString();
}

} // namespace strata
