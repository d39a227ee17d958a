#include "DataGrid.h"

#include "data/RowWindow.h"
#include "data/TableModel.h"

#include <QApplication>
#include <QHeaderView>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QScrollBar>

namespace strata {

DataGrid::DataGrid(QWidget *parent)
    : QTableView(parent)
{
    // Fixed, uniform rows: the view then never asks ten million rows for their height.
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    horizontalHeader()->setSectionsMovable(true);
    horizontalHeader()->setSectionsClickable(true);
    horizontalHeader()->setHighlightSections(false);
    horizontalHeader()->setContextMenuPolicy(Qt::CustomContextMenu);
    horizontalHeader()->setDefaultSectionSize(140);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setSelectionBehavior(QAbstractItemView::SelectItems);
    setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                    | QAbstractItemView::AnyKeyPressed);
    setWordWrap(false);
    // Per item: the scroll bar's range is then the row count, which fits an int for any table;
    // per pixel it would be rows × row height, past 2^31 at about 80 million rows.
    setVerticalScrollMode(QAbstractItemView::ScrollPerItem);
    setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    connect(horizontalHeader(), &QHeaderView::sectionClicked, this, [this](int logical) {
        emit sortClicked(logical, QApplication::keyboardModifiers() & Qt::ShiftModifier);
    });
}

void DataGrid::setWindow(RowWindow *window)
{
    m_window = window;
    reportViewport();
}

void DataGrid::reportViewport()
{
    if (!m_window || !model())
        return;
    const int first = rowAt(0);
    int last = rowAt(viewport()->height() - 1);
    if (first < 0)
        return;
    if (last < 0)
        last = model()->rowCount() - 1;
    m_window->setViewport(first, last);
}

void DataGrid::scrollContentsBy(int dx, int dy)
{
    QTableView::scrollContentsBy(dx, dy);
    if (dy != 0)
        reportViewport();
}

void DataGrid::resizeEvent(QResizeEvent *event)
{
    QTableView::resizeEvent(event);
    reportViewport();
}

void DataGrid::mouseReleaseEvent(QMouseEvent *event)
{
    QTableView::mouseReleaseEvent(event);
    const QModelIndex index = indexAt(event->position().toPoint());
    if ((event->modifiers() & Qt::ControlModifier) && index.isValid()
        && index.data(TableModel::LinkRole).toBool())
        emit linkActivated(index);
}

void DataGrid::keyPressEvent(QKeyEvent *event)
{
    if ((event->modifiers() & Qt::ControlModifier)
        && (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter)
        && currentIndex().data(TableModel::LinkRole).toBool()) {
        emit linkActivated(currentIndex());
        return;
    }
    QTableView::keyPressEvent(event);
    // Ctrl+End, Page Down and friends move the current cell; what is shown follows.
    reportViewport();
}

} // namespace strata
