#include "CellDelegate.h"

#include "data/RelationInfo.h"
#include "data/TableModel.h"

#include <QApplication>
#include <QComboBox>
#include <QLineEdit>
#include <QMouseEvent>
#include <QPainter>

namespace strata {

namespace {

using Kind = RelationColumn::Kind;
using State = TableModel::CellState;

Kind kindOf(const QModelIndex &index)
{
    return Kind(index.data(TableModel::ColumnKindRole).toInt());
}

State stateOf(const QModelIndex &index)
{
    return index.data(TableModel::CellStateRole).value<State>();
}

// Marks for staged and conflicting cells: light enough for the text to stay readable.
QColor background(State state)
{
    switch (state) {
    case State::Changed: return QColor(0xff, 0xf0, 0xb3);
    case State::Inserted: return QColor(0xd4, 0xf5, 0xd4);
    case State::Deleted: return QColor(0xf8, 0xd7, 0xd7);
    case State::Conflict: return QColor(0xf4, 0xa3, 0xa3);
    default: return {};
    }
}

const QString nullChoice = QStringLiteral("\x01NULL");  // a combo entry that stands for NULL

} // namespace

QString CellDelegate::nullText()
{
    return QStringLiteral("NULL");
}

void CellDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const State state = stateOf(index);
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QColor fill = background(state);
    if (fill.isValid() && !(opt.state & QStyle::State_Selected))
        opt.backgroundBrush = fill;
    const QString value = index.data(TableModel::ValueRole).toString();

    if (state == State::Loading) {
        opt.text = QStringLiteral("…");
        opt.palette.setColor(QPalette::Text, opt.palette.color(QPalette::PlaceholderText));
    } else if (value.isNull()) {
        // NULL is not the empty string: it says so, greyed and in italics.
        opt.text = index.data(Qt::DisplayRole).isValid() ? index.data(Qt::DisplayRole).toString() : nullText();
        opt.font.setItalic(true);
        opt.palette.setColor(QPalette::Text, opt.palette.color(QPalette::PlaceholderText));
    } else if (kindOf(index) == Kind::Boolean) {
        opt.features |= QStyleOptionViewItem::HasCheckIndicator;
        opt.checkState = value == u"t" ? Qt::Checked : Qt::Unchecked;
    } else if (index.data(TableModel::LinkRole).toBool()) {
        opt.font.setUnderline(true);
        opt.palette.setColor(QPalette::Text, opt.palette.color(QPalette::Link));
    }
    if (state == State::Deleted)
        opt.font.setStrikeOut(true);
    if (kindOf(index) == Kind::Integer || kindOf(index) == Kind::Numeric || kindOf(index) == Kind::Float)
        opt.displayAlignment = Qt::AlignRight | Qt::AlignVCenter;

    const QWidget *widget = opt.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);
}

QWidget *CellDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                                    const QModelIndex &index) const
{
    const Kind kind = kindOf(index);
    if (kind == Kind::Enum || kind == Kind::Boolean) {
        auto *combo = new QComboBox(parent);
        const QStringList values = kind == Kind::Boolean ? QStringList{QStringLiteral("t"), QStringLiteral("f")}
                                                         : index.data(TableModel::EnumValuesRole).toStringList();
        for (const QString &value : values)
            combo->addItem(kind == Kind::Boolean ? (value == u"t" ? QStringLiteral("true") : QStringLiteral("false")) : value,
                           value);
        combo->addItem(nullText(), nullChoice);
        return combo;
    }
    auto *edit = qobject_cast<QLineEdit *>(QStyledItemDelegate::createEditor(parent, option, index));
    if (edit)
        edit->setPlaceholderText(nullText());
    return edit;
}

void CellDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    const QString value = index.data(TableModel::ValueRole).toString();
    if (auto *combo = qobject_cast<QComboBox *>(editor)) {
        const int found = combo->findData(value.isNull() ? nullChoice : value);
        combo->setCurrentIndex(qMax(0, found));
        return;
    }
    if (auto *edit = qobject_cast<QLineEdit *>(editor)) {
        edit->setText(value);
        return;
    }
    QStyledItemDelegate::setEditorData(editor, index);
}

void CellDelegate::setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const
{
    if (auto *combo = qobject_cast<QComboBox *>(editor)) {
        const QString value = combo->currentData().toString();
        model->setData(index, value == nullChoice ? QVariant() : QVariant(value));
        return;
    }
    if (auto *edit = qobject_cast<QLineEdit *>(editor)) {
        // Typing into a NULL cell and leaving it empty keeps NULL; clearing a value gives ''.
        const QString before = index.data(TableModel::ValueRole).toString();
        const QString text = edit->text();
        if (text.isEmpty() && before.isNull())
            return;
        if (text != before)
            model->setData(index, text);
        return;
    }
    QStyledItemDelegate::setModelData(editor, model, index);
}

bool CellDelegate::editorEvent(QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option,
                               const QModelIndex &index)
{
    // A click on a boolean's box flips it (staged), as a check box would.
    if (event->type() == QEvent::MouseButtonRelease && kindOf(index) == Kind::Boolean
        && (index.flags() & Qt::ItemIsEditable)) {
        auto *mouse = static_cast<QMouseEvent *>(event);
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        opt.features |= QStyleOptionViewItem::HasCheckIndicator;
        const QWidget *widget = opt.widget;
        QStyle *style = widget ? widget->style() : QApplication::style();
        const QRect box = style->subElementRect(QStyle::SE_ItemViewItemCheckIndicator, &opt, widget);
        if (box.contains(mouse->position().toPoint())) {
            const QString value = index.data(TableModel::ValueRole).toString();
            model->setData(index, value == u"t" ? QStringLiteral("f") : QStringLiteral("t"));
            return true;
        }
    }
    return QStyledItemDelegate::editorEvent(event, model, option, index);
}

} // namespace strata
