#pragma once

#include <QTableView>

namespace strata {

class RowWindow;

// The table view of a browsed relation: tells the RowWindow which rows are on screen as the
// user scrolls, keeps row heights uniform (millions of rows), and turns header clicks into a
// sort (Shift adds a column, a second click turns it round, a third drops it).
class DataGrid : public QTableView
{
    Q_OBJECT
public:
    explicit DataGrid(QWidget *parent = nullptr);

    void setWindow(RowWindow *window);
    void reportViewport();  // the rows on screen, to the window

signals:
    // column index; `add`: Shift was held, so the column joins the sort instead of replacing it
    void sortClicked(int column, bool add);
    void linkActivated(const QModelIndex &index);  // Ctrl+click or Ctrl+Enter on a foreign-key cell

protected:
    void scrollContentsBy(int dx, int dy) override;
    void resizeEvent(QResizeEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    RowWindow *m_window = nullptr;
};

} // namespace strata
