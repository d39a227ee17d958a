#pragma once

#include <QPersistentModelIndex>
#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace strata {

// The side panel: the current cell's whole value (long text, JSON pretty-printed and checked,
// bytea in hex), where it can be edited at length and set back, or set to NULL.
class ValuePanel : public QWidget
{
    Q_OBJECT
public:
    explicit ValuePanel(QWidget *parent = nullptr);

    void setIndex(const QModelIndex &index);
    QPlainTextEdit *editor() const { return m_edit; }
    QString validation() const;  // what the panel says about the text (JSON: valid or where not)

private:
    void textEdited();
    void save();
    void setNull();
    bool isJson() const;

    QPersistentModelIndex m_index;
    QLabel *m_title;
    QPlainTextEdit *m_edit;
    QLabel *m_status;
    QPushButton *m_save;
    QPushButton *m_null;
    bool m_loading = false;
};

} // namespace strata
