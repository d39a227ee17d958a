#include "ChangeSummary.h"

#include "SqlQuote.h"
#include "Tr.h"

namespace strata {

namespace {

using K = Change::Kind;

QString object(const QString &schema, const QString &name)
{
    return SqlQuote::tableName(schema, name);
}

QString phrase(const Change &c)
{
    const QString target = object(c.schema, c.name);
    const QString item = target + QLatin1Char('.') + SqlQuote::identifier(c.item);
    const QString newName = SqlQuote::identifier(c.newName);
    const QString newSchema = SqlQuote::identifier(c.newSchema);
    const QString itemName = SqlQuote::identifier(c.item);
    switch (c.kind) {
    case K::CreateSchema: return Tr::tr("creates schema %1").arg(SqlQuote::identifier(c.schema));
    case K::RenameSchema: return Tr::tr("renames schema %1 to %2").arg(SqlQuote::identifier(c.schema), newName);
    case K::DropSchema: return Tr::tr("drops schema %1").arg(SqlQuote::identifier(c.schema));
    case K::CreateEnum: return Tr::tr("creates enum %1").arg(target);
    case K::MoveEnum: return Tr::tr("moves enum %1 to schema %2").arg(target, newSchema);
    case K::RenameEnum: return Tr::tr("renames enum %1 to %2").arg(target, newName);
    case K::AddEnumValue: return Tr::tr("adds value %1 to enum %2").arg(SqlQuote::literal(c.value), target);
    case K::RecreateEnum: return Tr::tr("recreates enum %1 without some of its values").arg(target);
    case K::DropEnum: return Tr::tr("drops enum %1").arg(target);
    case K::CreateSequence: return Tr::tr("creates sequence %1").arg(target);
    case K::MoveSequence: return Tr::tr("moves sequence %1 to schema %2").arg(target, newSchema);
    case K::RenameSequence: return Tr::tr("renames sequence %1 to %2").arg(target, newName);
    case K::AlterSequence: return Tr::tr("alters sequence %1").arg(target);
    case K::DropSequence: return Tr::tr("drops sequence %1").arg(target);
    case K::CreateRole: return Tr::tr("creates role %1").arg(SqlQuote::identifier(c.name));
    case K::RenameRole: return Tr::tr("renames role %1 to %2").arg(SqlQuote::identifier(c.name), newName);
    case K::AlterRole: return Tr::tr("alters role %1").arg(SqlQuote::identifier(c.name));
    case K::DropRole: return Tr::tr("drops role %1").arg(SqlQuote::identifier(c.name));
    case K::CreateTable: return Tr::tr("creates table %1").arg(target);
    case K::DropTable: return Tr::tr("drops table %1").arg(target);
    case K::MoveTable: return Tr::tr("moves table %1 to schema %2").arg(target, newSchema);
    case K::RenameTable: return Tr::tr("renames table %1 to %2").arg(target, newName);
    case K::EnableRls: return Tr::tr("enables row-level security on %1").arg(target);
    case K::DisableRls: return Tr::tr("disables row-level security on %1").arg(target);
    case K::AddColumn: return Tr::tr("adds column %1").arg(item);
    case K::DropColumn: return Tr::tr("drops column %1").arg(item);
    case K::RenameColumn: return Tr::tr("renames column %1 to %2").arg(item, newName);
    case K::AlterColumnType: return Tr::tr("changes the type of %1 to %2").arg(item, c.column.type);
    case K::SetDefault: return Tr::tr("sets the default of %1").arg(item);
    case K::DropDefault: return Tr::tr("drops the default of %1").arg(item);
    case K::SetNotNull: return Tr::tr("makes %1 NOT NULL").arg(item);
    case K::DropNotNull: return Tr::tr("lets %1 be NULL").arg(item);
    case K::AddIdentity: return Tr::tr("makes %1 an identity column").arg(item);
    case K::AlterIdentity: return Tr::tr("alters the identity of %1").arg(item);
    case K::DropIdentity: return Tr::tr("drops the identity of %1").arg(item);
    case K::RecreateGeneratedColumn: return Tr::tr("recreates generated column %1").arg(item);
    case K::DropGenerated: return Tr::tr("turns generated column %1 into a plain one").arg(item);
    case K::AddPrimaryKey: return Tr::tr("adds primary key %1 to %2").arg(itemName, target);
    case K::DropPrimaryKey: return Tr::tr("drops primary key %1 of %2").arg(itemName, target);
    case K::AddUnique: return Tr::tr("adds unique constraint %1 to %2").arg(itemName, target);
    case K::DropUnique: return Tr::tr("drops unique constraint %1 of %2").arg(itemName, target);
    case K::AddForeignKey: return Tr::tr("adds foreign key %1 to %2").arg(itemName, target);
    case K::DropForeignKey: return Tr::tr("drops foreign key %1 of %2").arg(itemName, target);
    case K::AddCheck: return Tr::tr("adds check %1 to %2").arg(itemName, target);
    case K::DropCheck: return Tr::tr("drops check %1 of %2").arg(itemName, target);
    case K::CreateIndex: return Tr::tr("creates index %1 on %2").arg(itemName, target);
    case K::DropIndex: return Tr::tr("drops index %1 of %2").arg(itemName, target);
    case K::CreatePolicy: return Tr::tr("creates policy %1 on %2").arg(itemName, target);
    case K::DropPolicy: return Tr::tr("drops policy %1 of %2").arg(itemName, target);
    case K::RenamePolicy: return Tr::tr("renames policy %1 of %2 to %3").arg(itemName, target, newName);
    case K::AlterPolicy: return Tr::tr("alters policy %1 of %2").arg(itemName, target);
    case K::CreateView: return Tr::tr("creates view %1").arg(target);
    case K::DropView: return Tr::tr("drops view %1").arg(target);
    case K::RenameView: return Tr::tr("renames view %1 to %2").arg(target, newName);
    case K::MoveView: return Tr::tr("moves view %1 to schema %2").arg(target, newSchema);
    case K::SetViewOptions:
    case K::ResetViewOptions:
    case K::SetViewTablespace:
    case K::SetViewAccessMethod: return Tr::tr("changes the storage options of view %1").arg(target);
    case K::SetLogged: return Tr::tr("makes %1 logged (crash-safe)").arg(target);
    case K::SetUnlogged: return Tr::tr("makes %1 unlogged (emptied by a crash)").arg(target);
    case K::SetTableOptions:
    case K::ResetTableOptions: return Tr::tr("changes the storage parameters of %1").arg(target);
    case K::ForceRls: return Tr::tr("forces row-level security on %1 for its owner too").arg(target);
    case K::NoForceRls: return Tr::tr("stops forcing row-level security on %1").arg(target);
    case K::SetComment:
        return c.item.isEmpty() ? Tr::tr("sets the comment of %1").arg(target) : Tr::tr("sets the comment of %1").arg(item);
    }
    return kindName(c.kind);
}

} // namespace

QStringList ChangeSummary::phrases(const ChangeSet &changes)
{
    QStringList result;
    for (const Change &change : changes.changes) {
        QString text = phrase(change);
        if (change.dataLoss)
            text += QLatin1Char(' ') + Tr::tr("(data loss)");
        // DdlWriter may write a change in several statements, and a view dropped around a
        // column type change comes back: say each thing once.
        if (!result.contains(text))
            result << text;
    }
    return result;
}

QStringList ChangeSummary::commentLines(const ChangeSet &changes, int width, int maxPhrases)
{
    QStringList all = phrases(changes);
    const qsizetype more = all.size() - maxPhrases;
    if (more > 0) {
        all = all.mid(0, maxPhrases);
        all << Tr::tr("and %n more change(s)", nullptr, int(more));
    }
    QStringList lines;
    QString line;
    for (qsizetype i = 0; i < all.size(); ++i) {
        const QString piece = all.at(i) + (i + 1 < all.size() ? QStringLiteral(";") : QStringLiteral("."));
        if (!line.isEmpty() && line.size() + 1 + piece.size() > width) {
            lines << line;
            line.clear();
        }
        line += (line.isEmpty() ? QStringLiteral("-- ") : QStringLiteral(" ")) + piece;
    }
    if (!line.isEmpty())
        lines << line;
    return lines;
}

} // namespace strata
