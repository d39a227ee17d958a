#include "ChangeSet.h"

#include "DiffGroups.h"

namespace strata {

ChangeSet DiffGroups::flatten() const
{
    ChangeSet set;
    for (const QList<Change> &list : lists)
        set.changes.append(list);
    return set;
}

bool ChangeSet::hasDataLoss() const
{
    return std::any_of(changes.begin(), changes.end(), [](const Change &change) { return change.dataLoss; });
}

QString kindName(Change::Kind kind)
{
    static const char *const names[] = {
        "CreateSchema", "RenameSchema", "DropSchema", "CreateEnum", "MoveEnum", "RenameEnum", "AddEnumValue",
        "RecreateEnum", "DropEnum", "CreateSequence", "MoveSequence", "RenameSequence", "AlterSequence",
        "DropSequence", "CreateRole", "RenameRole", "AlterRole", "DropRole", "CreateTable", "DropTable",
        "MoveTable", "RenameTable", "EnableRls", "DisableRls", "AddColumn", "DropColumn", "RenameColumn",
        "AlterColumnType", "SetDefault", "DropDefault", "SetNotNull", "DropNotNull", "AddIdentity",
        "AlterIdentity", "DropIdentity", "RecreateGeneratedColumn", "DropGenerated", "AddPrimaryKey",
        "DropPrimaryKey", "AddUnique", "DropUnique", "AddForeignKey", "DropForeignKey", "AddCheck", "DropCheck",
        "CreateIndex", "DropIndex", "CreatePolicy", "DropPolicy", "RenamePolicy", "AlterPolicy", "CreateView",
        "DropView", "RenameView", "MoveView", "SetViewOptions", "ResetViewOptions", "SetViewTablespace",
        "SetViewAccessMethod", "SetLogged", "SetUnlogged", "SetTableOptions", "ResetTableOptions", "ForceRls",
        "NoForceRls", "SetComment",
    };
    static_assert(std::size(names) == static_cast<size_t>(Change::Kind::SetComment) + 1);
    return QString::fromLatin1(names[static_cast<size_t>(kind)]);
}

QString describe(const ChangeSet &changes)
{
    QStringList lines;
    for (const Change &change : changes.changes) {
        QStringList path;
        for (const QString &part : {change.schema, change.name, change.item}) {
            if (!part.isEmpty())
                path << part;
        }
        QString line = kindName(change.kind) + QLatin1Char(' ') + path.join(QLatin1Char('.'));
        if (!change.newSchema.isEmpty())
            line += QLatin1String(" -> schema ") + change.newSchema;
        if (!change.newName.isEmpty())
            line += QLatin1String(" -> ") + change.newName;
        if (!change.value.isEmpty())
            line += QLatin1Char(' ') + change.value;
        if (change.dataLoss)
            line += QLatin1String(" [data loss]");
        lines << line;
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace strata
