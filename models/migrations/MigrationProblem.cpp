#include "MigrationProblem.h"

#include "Tr.h"

#include <QDir>

namespace strata {

QString MigrationProblem::location(const QString &folder) const
{
    QString where;
    if (folder.isEmpty())
        where = file;
    else if (file.isEmpty())
        where = folder;
    else
        where = QDir::cleanPath(folder + QLatin1Char('/') + file);
    if (line > 0) {
        where += QLatin1Char(':') + QString::number(line);
        if (column > 0)
            where += QLatin1Char(':') + QString::number(column);
    }
    return where;
}

QString MigrationProblem::toString(const QString &folder) const
{
    const QString where = location(folder);
    const QString text = severityText(severity) + QLatin1String(": ") + message;
    return where.isEmpty() ? text : where + QLatin1String(": ") + text;
}

QString MigrationProblem::severityText(Severity severity)
{
    switch (severity) {
    case Severity::Error:
        return Tr::tr("error");
    case Severity::Warning:
        return Tr::tr("warning");
    case Severity::Note:
        return Tr::tr("note");
    }
    return QString();
}

QString MigrationProblem::severityId(Severity severity)
{
    switch (severity) {
    case Severity::Error:
        return QStringLiteral("error");
    case Severity::Warning:
        return QStringLiteral("warning");
    case Severity::Note:
        return QStringLiteral("note");
    }
    return QString();
}

QString MigrationProblem::kindId(Kind kind)
{
    switch (kind) {
    case Kind::FolderMissing:
        return QStringLiteral("folder-missing");
    case Kind::JournalMissing:
        return QStringLiteral("journal-missing");
    case Kind::JournalMalformed:
        return QStringLiteral("journal-malformed");
    case Kind::JournalHeader:
        return QStringLiteral("journal-header");
    case Kind::JournalEntryInvalid:
        return QStringLiteral("journal-entry-invalid");
    case Kind::FileMissing:
        return QStringLiteral("file-missing");
    case Kind::FileUnreadable:
        return QStringLiteral("file-unreadable");
    case Kind::FileNotInJournal:
        return QStringLiteral("file-not-in-journal");
    case Kind::DuplicateIdx:
        return QStringLiteral("duplicate-idx");
    case Kind::DuplicateTag:
        return QStringLiteral("duplicate-tag");
    case Kind::WhenNotIncreasing:
        return QStringLiteral("when-not-increasing");
    case Kind::SnapshotMissing:
        return QStringLiteral("snapshot-missing");
    case Kind::SnapshotMalformed:
        return QStringLiteral("snapshot-malformed");
    case Kind::SnapshotChainBroken:
        return QStringLiteral("snapshot-chain-broken");
    case Kind::SnapshotParentShared:
        return QStringLiteral("snapshot-parent-shared");
    case Kind::SnapshotOrphan:
        return QStringLiteral("snapshot-orphan");
    case Kind::InvalidUtf8:
        return QStringLiteral("invalid-utf8");
    case Kind::CrlfLineEndings:
        return QStringLiteral("crlf-line-endings");
    case Kind::ByteOrderMark:
        return QStringLiteral("byte-order-mark");
    case Kind::SqlSyntax:
        return QStringLiteral("sql-syntax");
    case Kind::MixedLayout:
        return QStringLiteral("mixed-layout");
    case Kind::FolderNameInvalid:
        return QStringLiteral("folder-name-invalid");
    case Kind::FolderWithoutSql:
        return QStringLiteral("folder-without-sql");
    }
    return QString();
}

} // namespace strata
