#pragma once

#include <QStyledItemDelegate>

namespace strata {

// Draws a cell by what the model says it is (loading, NULL, changed, inserted, deleted, in
// conflict, a boolean, a foreign key) and picks its editor: a drop-down for enums and
// booleans, a line edit for the rest (long values belong in the side panel).
class CellDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override;
    bool editorEvent(QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option,
                     const QModelIndex &index) override;

    static QString nullText();
};

} // namespace strata
