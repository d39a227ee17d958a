#include "SchemaDiff.h"

#include "DiffGroups.h"
#include "SchemaDiffOrder.h"
#include "SnapshotTypes.h"

#include <QSet>

namespace strata {

namespace {

using Rename = RenameDecisions::Rename;

using diff::key;
using diff::make;
using diff::mentions;

// The decisions that pair something only `from` has with something only `to` has; others
// (stale or contradictory answers) are ignored, so a decision can never hide a change.
template<typename T, typename KeyOf>
QList<Rename> validRenames(const QList<Rename> &decisions, const QList<T> &from, const QList<T> &to, KeyOf keyOf,
                           bool schemaOnly = false)
{
    QSet<QString> fromKeys;
    QSet<QString> toKeys;
    for (const T &item : from)
        fromKeys.insert(keyOf(item));
    for (const T &item : to)
        toKeys.insert(keyOf(item));
    QList<Rename> valid;
    QSet<QString> usedFrom;
    QSet<QString> usedTo;
    for (const Rename &rename : decisions) {
        const QString oldKey = schemaOnly ? rename.from.name : key(rename.from.schema, rename.from.name);
        const QString newKey = schemaOnly ? rename.to.name : key(rename.to.schema, rename.to.name);
        if (oldKey == newKey || !fromKeys.contains(oldKey) || toKeys.contains(oldKey) || !toKeys.contains(newKey)
            || fromKeys.contains(newKey) || usedFrom.contains(oldKey) || usedTo.contains(newKey))
            continue;
        usedFrom.insert(oldKey);
        usedTo.insert(newKey);
        valid.append(rename);
    }
    return valid;
}

// A serial's default names the sequence PostgreSQL made for it; when the table moves or is
// renamed the sequence keeps its name but the default drizzle-kit leaves implicit is the
// new table's, so such defaults follow the table here and are not seen as changed.
void followSerialDefaults(Table &table, const QString &oldSchema, const QString &oldName)
{
    for (Column &column : table.columns) {
        if (column.defaultExpression
            && *column.defaultExpression == SnapshotTypes::serialDefault(oldSchema, oldName, column.name))
            column.defaultExpression = SnapshotTypes::serialDefault(table.schema, table.name, column.name);
    }
}

// The old schema brought step by step to the new names, as drizzle-kit patches its
// previous snapshot after each kind of rename, so that later steps compare like with like.
class Patcher
{
public:
    explicit Patcher(Schema schema) : m_schema(std::move(schema)) {}
    Schema &schema() { return m_schema; }

    void renameSchema(const QString &from, const QString &to)
    {
        const auto fix = [&](QString &schema) {
            if (schema == from)
                schema = to;
        };
        for (QString &schema : m_schema.schemas)
            fix(schema);
        for (Table &table : m_schema.tables) {
            const QString oldSchema = table.schema;
            fix(table.schema);
            followSerialDefaults(table, oldSchema, table.name);
            for (Column &column : table.columns)
                fix(column.typeSchema);
            // A foreign key follows its target into the renamed schema, as PostgreSQL's does:
            // drizzle-kit drops and adds it again, which scans and locks the referencing
            // table for nothing (a documented difference).
            for (ForeignKey &key : table.foreignKeys)
                fix(key.targetSchema);
        }
        for (Enum &type : m_schema.enums)
            fix(type.schema);
        for (Sequence &sequence : m_schema.sequences)
            fix(sequence.schema);
        for (View &view : m_schema.views)
            fix(view.schema);
        for (LinkedPolicy &policy : m_schema.linkedPolicies)
            fix(policy.tableSchema);
    }

    void moveEnum(const Rename &rename)
    {
        for (Enum &type : m_schema.enums) {
            if (type.schema == rename.from.schema && type.name == rename.from.name) {
                type.schema = rename.to.schema;
                type.name = rename.to.name;
            }
        }
        for (Table &table : m_schema.tables) {
            for (Column &column : table.columns) {
                if (column.typeSchema == rename.from.schema && column.type == rename.from.name) {
                    column.typeSchema = rename.to.schema;
                    column.type = rename.to.name;
                }
            }
        }
    }

    void moveTable(const Rename &rename)
    {
        for (Table &table : m_schema.tables) {
            if (table.schema == rename.from.schema && table.name == rename.from.name) {
                table.schema = rename.to.schema;
                table.name = rename.to.name;
                followSerialDefaults(table, rename.from.schema, rename.from.name);
                // drizzle's column-level key has no name of its own; the model calls it
                // <table>_pkey, which is the new table's name after a rename.
                if (table.primaryKey && table.primaryKey->columns.size() == 1
                    && table.primaryKey->name == SnapshotTypes::primaryKeyName(rename.from.name))
                    table.primaryKey->name = SnapshotTypes::primaryKeyName(table.name);
            }
            // PostgreSQL keeps a foreign key pointing at a renamed or moved table: nothing to
            // redo (drizzle-kit drops and adds it again; a documented difference).
            for (ForeignKey &key : table.foreignKeys) {
                if (key.targetSchema == rename.from.schema && key.targetTable == rename.from.name) {
                    key.targetSchema = rename.to.schema;
                    key.targetTable = rename.to.name;
                }
            }
        }
    }

private:
    Schema m_schema;
};

// Creates, moves and renames, drops of one kind of top-level object keyed by (schema, name).
template<typename T>
struct TopLevel {
    QList<Rename> renames;
    QList<const T *> created;
    QList<const T *> dropped;
};

template<typename T>
TopLevel<T> matchTopLevel(const QList<Rename> &decisions, const QList<T> &from, const QList<T> &to)
{
    const auto keyOf = [](const T &item) { return key(item.schema, item.name); };
    TopLevel<T> result;
    result.renames = validRenames(decisions, from, to, keyOf);
    QSet<QString> fromKeys;
    QSet<QString> toKeys;
    for (const T &item : from)
        fromKeys.insert(keyOf(item));
    for (const T &item : to)
        toKeys.insert(keyOf(item));
    QSet<QString> renamedFrom;
    QSet<QString> renamedTo;
    for (const Rename &rename : result.renames) {
        renamedFrom.insert(key(rename.from.schema, rename.from.name));
        renamedTo.insert(key(rename.to.schema, rename.to.name));
    }
    for (const T &item : to) {
        if (!fromKeys.contains(keyOf(item)) && !renamedTo.contains(keyOf(item)))
            result.created.append(&item);
    }
    for (const T &item : from) {
        if (!toKeys.contains(keyOf(item)) && !renamedFrom.contains(keyOf(item)))
            result.dropped.append(&item);
    }
    return result;
}

// Move (SET SCHEMA) first, then rename in the new schema: the two statements PostgreSQL has.
void moveAndRename(const Rename &rename, Change::Kind move, Change::Kind renameKind, QList<Change> *moves,
                   QList<Change> *renames)
{
    if (rename.from.schema != rename.to.schema) {
        Change change = make(move, rename.from.schema, rename.from.name);
        change.newSchema = rename.to.schema;
        moves->append(change);
    }
    if (rename.from.name != rename.to.name) {
        Change change = make(renameKind, rename.to.schema, rename.from.name);
        change.newName = rename.to.name;
        renames->append(change);
    }
}

// The edit script between two lists of enum labels (longest common subsequence): each
// label kept, removed or added, with an added label placed before the next kept one.
struct LabelStep {
    enum class Kind { Same, Removed, Added } kind;
    QString value;
    QString before;
};

QList<LabelStep> labelSteps(const QStringList &from, const QStringList &to)
{
    const qsizetype n = from.size();
    const qsizetype m = to.size();
    QList<QList<int>> lcs(n + 1, QList<int>(m + 1, 0));
    for (qsizetype i = n - 1; i >= 0; --i)
        for (qsizetype j = m - 1; j >= 0; --j)
            lcs[i][j] = from[i] == to[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    QList<LabelStep> steps;
    qsizetype i = 0;
    qsizetype j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && from[i] == to[j]) {
            steps.append({LabelStep::Kind::Same, from[i], {}});
            ++i;
            ++j;
        } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
            steps.append({LabelStep::Kind::Removed, from[i], {}});
            ++i;
        } else {
            steps.append({LabelStep::Kind::Added, to[j], {}});
            ++j;
        }
    }
    QString next;
    for (auto it = steps.rbegin(); it != steps.rend(); ++it) {
        if (it->kind == LabelStep::Kind::Same)
            next = it->value;
        else if (it->kind == LabelStep::Kind::Added)
            it->before = next;
    }
    return steps;
}

void compareEnums(const Schema &from, const Schema &to, DiffGroups *groups)
{
    for (const Enum &newType : to.enums) {
        const Enum *oldType = from.enumType(newType.schema, newType.name);
        if (!oldType || oldType->values == newType.values)
            continue;
        const QList<LabelStep> steps = labelSteps(oldType->values, newType.values);
        const bool removes = std::any_of(steps.begin(), steps.end(),
                                         [](const LabelStep &step) { return step.kind == LabelStep::Kind::Removed; });
        if (!removes) {
            for (const LabelStep &step : steps) {
                if (step.kind != LabelStep::Kind::Added)
                    continue;
                Change change = make(Change::Kind::AddEnumValue, newType.schema, newType.name);
                change.value = step.value;
                change.before = step.before;
                (*groups)[DiffGroup::AddEnumValues].append(change);
            }
            continue;
        }
        // A label cannot be removed from an enum: every column using it goes through text
        // while the type is dropped and created again with the new labels.
        Change change = make(Change::Kind::RecreateEnum, newType.schema, newType.name);
        change.enumType = newType;
        change.dataLoss = true;  // rows holding a removed label fail the cast back
        // The columns that use the type when it is recreated: those of new tables (CREATE
        // TABLE comes first) and those of the old schema whose table stays (DROP TABLE comes
        // first; ADD COLUMN and type changes come after).
        const auto usesType = [&](const Column &column) {
            return column.typeSchema == newType.schema && column.type == newType.name;
        };
        for (const Table &table : to.tables) {
            const Table *old = from.table(table.schema, table.name);
            if (!old) {
                for (const Column &column : table.columns) {
                    if (usesType(column))
                        change.enumUses.append({table.schema, table.name, column, column, true});
                }
                continue;
            }
            // drizzle-kit's own: the new schema's columns of the type, unless added later.
            for (const Column &column : table.columns) {
                const Column *oldColumn = old->column(column.name);
                if (oldColumn && (usesType(column) || usesType(*oldColumn)))
                    change.enumUses.append({table.schema, table.name, column, *oldColumn, usesType(column)});
            }
            for (const Column &oldColumn : old->columns) {
                if (usesType(oldColumn) && !table.column(oldColumn.name))
                    change.enumUses.append({table.schema, table.name, oldColumn, oldColumn, false});
            }
        }
        // A foreign key cannot hold while one of its two columns is text and the other the
        // enum: those over the recreated columns are dropped before and added again after.
        const auto isUse = [&](const QString &schema, const QString &table, const QStringList &columns) {
            return std::any_of(change.enumUses.begin(), change.enumUses.end(), [&](const Change::EnumUse &use) {
                return use.tableSchema == schema && use.table == table && columns.contains(use.oldColumn.name);
            });
        };
        for (const Table &table : to.tables) {
            const Table *old = from.table(table.schema, table.name);
            if (!old)
                continue;
            for (const ForeignKey &key : old->foreignKeys) {
                const bool unchanged = std::any_of(table.foreignKeys.begin(), table.foreignKeys.end(),
                                                   [&](const ForeignKey &k) { return k == key; });
                if (!unchanged || (!isUse(table.schema, table.name, key.columns)
                                   && !isUse(key.targetSchema, key.targetTable, key.targetColumns)))
                    continue;
                Change drop = make(Change::Kind::DropForeignKey, table.schema, table.name);
                drop.item = key.name;
                drop.foreignKey = key;
                (*groups)[DiffGroup::DropForeignKeys].append(drop);
                Change add = make(Change::Kind::AddForeignKey, table.schema, table.name);
                add.item = key.name;
                add.foreignKey = key;
                (*groups)[DiffGroup::CreateForeignKeys].append(add);
            }
        }
        (*groups)[DiffGroup::RecreateEnums].append(change);
    }
}

bool sameSequence(const Sequence &a, const Sequence &b)
{
    return a.increment == b.increment && a.minValue == b.minValue && a.maxValue == b.maxValue && a.start == b.start
           && a.cache == b.cache && a.cycle == b.cycle;
}

bool viewReads(const View &view, const QString &table)
{
    return mentions(view.definition, table);
}

void compareViews(Patcher &patched, const Schema &to, const RenameDecisions &renames, DiffGroups *groups)
{
    Schema &from = patched.schema();
    const TopLevel<View> views = matchTopLevel(renames.views, from.views, to.views);
    for (const View *view : views.created) {
        if (view->definition.isEmpty())
            continue;  // .existing(): made outside the migrations
        Change change = make(Change::Kind::CreateView, view->schema, view->name);
        change.view = *view;
        (*groups)[DiffGroup::CreateViews].append(change);
    }
    for (const View *view : views.dropped) {
        if (view->definition.isEmpty())
            continue;
        Change change = make(Change::Kind::DropView, view->schema, view->name);
        change.view = *view;
        change.dataLoss = view->materialized;
        (*groups)[DiffGroup::DropViews].append(change);
    }
    for (const Rename &rename : views.renames) {
        View *old = nullptr;
        for (View &view : from.views) {
            if (view.schema == rename.from.schema && view.name == rename.from.name)
                old = &view;
        }
        const View *now = to.view(rename.to.schema, rename.to.name);
        if (!old->definition.isEmpty() && !now->definition.isEmpty()) {
            QList<Change> moves;
            QList<Change> names;
            moveAndRename(rename, Change::Kind::MoveView, Change::Kind::RenameView, &moves, &names);
            for (Change &change : moves)
                change.view = *now;
            for (Change &change : names)
                change.view = *now;
            (*groups)[DiffGroup::AlterViews].append(moves);
            (*groups)[DiffGroup::RenameViews].append(names);
        }
        old->schema = rename.to.schema;
        old->name = rename.to.name;
    }
    for (const View &old : from.views) {
        const View *now = to.view(old.schema, old.name);
        if (!now || now->definition.isEmpty() || old == *now)
            continue;
        if (old.definition.isEmpty() || old.definition != now->definition || old.materialized != now->materialized
            || old.withNoData != now->withNoData) {
            Change drop = make(Change::Kind::DropView, old.schema, old.name);
            drop.view = old;
            (*groups)[DiffGroup::DropViews].append(drop);
            Change create = make(Change::Kind::CreateView, now->schema, now->name);
            create.view = *now;
            (*groups)[DiffGroup::CreateViews].append(create);
            continue;
        }
        QList<QPair<QString, QString>> added;
        QList<QPair<QString, QString>> changed;
        QList<QPair<QString, QString>> removed;
        for (const auto &option : now->with) {
            const auto it = std::find_if(old.with.begin(), old.with.end(),
                                         [&](const auto &o) { return o.first == option.first; });
            if (it == old.with.end())
                added.append(option);
            else if (it->second != option.second)
                changed.append(option);
        }
        for (const auto &option : old.with) {
            if (std::none_of(now->with.begin(), now->with.end(), [&](const auto &o) { return o.first == option.first; }))
                removed.append(option);
        }
        const auto options = [&](Change::Kind kind, const QList<QPair<QString, QString>> &list) {
            if (list.isEmpty())
                return;
            Change change = make(kind, now->schema, now->name);
            change.view = *now;
            change.options = list;
            (*groups)[DiffGroup::AlterViews].append(change);
        };
        options(Change::Kind::SetViewOptions, added);
        options(Change::Kind::ResetViewOptions, removed);
        options(Change::Kind::SetViewOptions, changed);
        if (old.tablespace != now->tablespace) {
            Change change = make(Change::Kind::SetViewTablespace, now->schema, now->name);
            change.view = *now;
            (*groups)[DiffGroup::AlterViews].append(change);
        }
        if (old.usingMethod != now->usingMethod) {
            Change change = make(Change::Kind::SetViewAccessMethod, now->schema, now->name);
            change.view = *now;
            (*groups)[DiffGroup::AlterViews].append(change);
        }
    }

    // A column cannot change type under a view that reads it, nor go through text while its
    // enum is recreated: drop the view first and create it again after (drizzle-kit does not,
    // and PostgreSQL refuses its migration).
    QSet<QString> recreated;
    for (const Change &change : (*groups)[DiffGroup::DropViews])
        recreated.insert(key(change.schema, change.name));
    QStringList retyped;
    for (const Change &change : (*groups)[DiffGroup::AlterColumns]) {
        if (change.kind == Change::Kind::AlterColumnType)
            retyped << change.name;
    }
    for (const Change &change : (*groups)[DiffGroup::RecreateEnums]) {
        for (const Change::EnumUse &use : change.enumUses)
            retyped << use.table;
    }
    for (const QString &table : std::as_const(retyped)) {
        for (const View &view : to.views) {
            const View *old = from.view(view.schema, view.name);
            if (!old || old->definition.isEmpty() || recreated.contains(key(view.schema, view.name))
                || !viewReads(*old, table))
                continue;
            recreated.insert(key(view.schema, view.name));
            Change drop = make(Change::Kind::DropView, old->schema, old->name);
            drop.view = *old;
            (*groups)[DiffGroup::DropViews].append(drop);
            Change create = make(Change::Kind::CreateView, view.schema, view.name);
            create.view = view;
            (*groups)[DiffGroup::CreateViews].append(create);
        }
    }
}

} // namespace

ChangeSet SchemaDiff::compare(const Schema &from, const Schema &to, const RenameDecisions &renames)
{
    DiffGroups groups;
    Patcher patched(from);

    // Schemas.
    const auto nameOf = [](const QString &name) { return name; };
    const QList<Rename> schemaRenames = validRenames(renames.schemas, from.schemas, to.schemas, nameOf, true);
    for (const Rename &rename : schemaRenames) {
        Change change = make(Change::Kind::RenameSchema, rename.from.name, rename.from.name);
        change.newName = rename.to.name;
        groups[DiffGroup::RenameSchemas].append(change);
        patched.renameSchema(rename.from.name, rename.to.name);
    }
    for (const QString &schema : to.schemas) {
        if (!patched.schema().schemas.contains(schema))
            groups[DiffGroup::CreateSchemas].append(make(Change::Kind::CreateSchema, schema, schema));
    }
    for (const QString &schema : patched.schema().schemas) {
        if (!to.schemas.contains(schema))
            groups[DiffGroup::DropSchemas].append(make(Change::Kind::DropSchema, schema, schema));
    }

    // Enums.
    const TopLevel<Enum> enums = matchTopLevel(renames.enums, patched.schema().enums, to.enums);
    for (const Enum *type : enums.created) {
        Change change = make(Change::Kind::CreateEnum, type->schema, type->name);
        change.enumType = *type;
        groups[DiffGroup::CreateEnums].append(change);
    }
    for (const Enum *type : enums.dropped)
        groups[DiffGroup::DropEnums].append(make(Change::Kind::DropEnum, type->schema, type->name));
    for (const Rename &rename : enums.renames) {
        moveAndRename(rename, Change::Kind::MoveEnum, Change::Kind::RenameEnum, &groups[DiffGroup::MoveEnums],
                      &groups[DiffGroup::RenameEnums]);
    }
    for (const Rename &rename : enums.renames)
        patched.moveEnum(rename);
    compareEnums(patched.schema(), to, &groups);

    // Sequences.
    const TopLevel<Sequence> sequences = matchTopLevel(renames.sequences, patched.schema().sequences, to.sequences);
    for (const Sequence *sequence : sequences.created) {
        Change change = make(Change::Kind::CreateSequence, sequence->schema, sequence->name);
        change.sequence = *sequence;
        groups[DiffGroup::CreateSequences].append(change);
    }
    for (const Sequence *sequence : sequences.dropped) {
        Change change = make(Change::Kind::DropSequence, sequence->schema, sequence->name);
        change.sequence = *sequence;
        change.dataLoss = true;  // its current value
        groups[DiffGroup::DropSequences].append(change);
    }
    for (const Rename &rename : sequences.renames) {
        moveAndRename(rename, Change::Kind::MoveSequence, Change::Kind::RenameSequence,
                      &groups[DiffGroup::MoveSequences], &groups[DiffGroup::RenameSequences]);
        for (Sequence &sequence : patched.schema().sequences) {
            if (sequence.schema == rename.from.schema && sequence.name == rename.from.name) {
                sequence.schema = rename.to.schema;
                sequence.name = rename.to.name;
            }
        }
    }
    for (const Sequence &old : patched.schema().sequences) {
        for (const Sequence &now : to.sequences) {
            if (old.schema == now.schema && old.name == now.name && !sameSequence(old, now)) {
                Change change = make(Change::Kind::AlterSequence, now.schema, now.name);
                change.sequence = now;
                change.oldSequence = old;
                groups[DiffGroup::AlterSequences].append(change);
            }
        }
    }

    // Roles (keyed by name alone).
    {
        QList<Rename> roleRenames;
        const auto findRole = [](const QList<Role> &roles, const QString &name) -> const Role * {
            for (const Role &role : roles) {
                if (role.name == name)
                    return &role;
            }
            return nullptr;
        };
        for (const Rename &rename : renames.roles) {
            if (findRole(from.roles, rename.from.name) && !findRole(to.roles, rename.from.name)
                && findRole(to.roles, rename.to.name) && !findRole(from.roles, rename.to.name))
                roleRenames.append(rename);
        }
        QList<Role> oldRoles = from.roles;
        for (const Rename &rename : roleRenames) {
            Change change = make(Change::Kind::RenameRole, {}, rename.from.name);
            change.newName = rename.to.name;
            groups[DiffGroup::RenameRoles].append(change);
            for (Role &role : oldRoles) {
                if (role.name == rename.from.name)
                    role.name = rename.to.name;
            }
        }
        for (const Role &old : oldRoles) {
            if (!findRole(to.roles, old.name))
                groups[DiffGroup::DropRoles].append(make(Change::Kind::DropRole, {}, old.name));
        }
        for (const Role &now : to.roles) {
            const Role *old = findRole(oldRoles, now.name);
            if (old && *old == now)
                continue;
            Change change = make(old ? Change::Kind::AlterRole : Change::Kind::CreateRole, {}, now.name);
            change.role = now;
            groups[old ? DiffGroup::AlterRoles : DiffGroup::CreateRoles].append(change);
        }
    }

    // Tables.
    const TopLevel<Table> tables = matchTopLevel(renames.tables, patched.schema().tables, to.tables);
    for (const Table *table : tables.created)
        TableDiff::create(*table, &groups);
    for (const Table *table : tables.dropped) {
        Change change = make(Change::Kind::DropTable, table->schema, table->name);
        change.table = *table;
        change.dataLoss = true;
        groups[DiffGroup::DropTables].append(change);
    }
    for (const Rename &rename : tables.renames) {
        moveAndRename(rename, Change::Kind::MoveTable, Change::Kind::RenameTable, &groups[DiffGroup::MoveTables],
                      &groups[DiffGroup::RenameTables]);
        // The rename also names what PostgreSQL would leave under the old name (DdlWriter).
        if (const Table *old = patched.schema().table(rename.from.schema, rename.from.name)) {
            for (Change &change : groups[DiffGroup::RenameTables]) {
                if (change.schema == rename.to.schema && change.name == rename.from.name)
                    change.table = *old;
            }
        }
    }
    for (const Rename &rename : tables.renames)
        patched.moveTable(rename);
    for (const Table &old : patched.schema().tables) {
        if (const Table *now = to.table(old.schema, old.name))
            TableDiff::compare(old, *now, patched.schema(), to, renames, &groups);
    }

    diff::orderForeignKeys(patched.schema(), to, &groups);

    compareViews(patched, to, renames, &groups);
    diff::aroundEnumRecreation(patched.schema(), to, &groups);
    TableDiff::compareComments(patched.schema(), to, &groups);
    diff::partitionsAfterParents(&groups);
    TableDiff::compareLinkedPolicies(patched.schema(), to, renames, &groups);
    return groups.flatten();
}

} // namespace strata
