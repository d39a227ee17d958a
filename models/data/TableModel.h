#pragma once

#include "BrowseQuery.h"
#include "RelationInfo.h"
#include "StagedEdits.h"

#include <QAbstractTableModel>
#include <QSet>

namespace strata {

class RowWindow;

// The grid's model over a RowWindow: the rows loaded so far, the ones still loading, and the
// staged edits on top (changed cells, inserted rows at the end, deleted rows). It answers
// meaning (CellStateRole); the delegate decides the look.
class TableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum class CellState { Loading, Null, Value, Changed, Inserted, Deleted, Conflict };
    Q_ENUM(CellState)
    enum Role {
        CellStateRole = Qt::UserRole + 1,  // CellState
        ValueRole,          // QString as PostgreSQL prints it, staged value if any; null QString = NULL
        OriginalValueRole,  // as loaded
        ColumnKindRole,     // int(RelationColumn::Kind)
        EnumValuesRole,     // QStringList
        LinkRole,           // bool: the column is part of a foreign key
    };

    explicit TableModel(RowWindow *window, QObject *parent = nullptr);

    void setRelation(const RelationInfo &relation);
    // The same columns and key, read again (privileges, links): rows and edits stay.
    void updateRelation(const RelationInfo &relation);
    const RelationInfo &relation() const { return m_relation; }
    void setXminIndex(int index) { m_xminIndex = index; }
    // The header says which columns the rows are sorted by: "name ▲", "id ▼2".
    void setSortMarkers(const QList<SortColumn> &sort);
    // Whether cells may be edited: a table with a key, privileges, and not a locked production
    // connection. The reason shows when it is not.
    void setEditable(bool editable);
    bool isEditable() const { return m_editable; }

    StagedEdits &edits() { return m_edits; }
    const StagedEdits &edits() const { return m_edits; }
    void discardEdits();
    void setConflicts(const QList<QStringList> &keys);  // rows another session changed

    int windowRows() const { return m_rows; }  // rows of the relation (the rest are inserted)
    bool isInsertedRow(int row) const { return row >= m_rows; }
    bool isLoaded(int row) const;
    QStringList keyOf(int row) const;  // primary-key values of a loaded row; empty otherwise
    QStringList rowValues(int row) const;  // as shown (staged values applied); empty while loading
    int insertRow();                   // a new staged row at the end; returns its row
    void deleteRows(const QList<int> &rows);  // staged; inserted rows just go
    void revertRows(const QList<int> &rows);  // drops the rows' staged changes

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

signals:
    void editsChanged();

private:
    void windowCountChanged(qint64 oldCount, qint64 newCount);
    void windowRowsChanged(qint64 first, qint64 count);
    QString loadedValue(int row, int column) const;  // null QString: NULL (or not loaded)
    QString displayText(const QString &value, RelationColumn::Kind kind) const;

    RowWindow *m_window;
    RelationInfo m_relation;
    StagedEdits m_edits;
    QList<int> m_keyColumns;
    int m_xminIndex = -1;
    int m_rows = 0;
    bool m_editable = false;
    QSet<QStringList> m_conflicts;
    QList<SortColumn> m_sort;
};

} // namespace strata
