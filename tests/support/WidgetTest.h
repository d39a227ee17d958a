#pragma once

#include <QObject>
#include <QString>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QWidget;

namespace strata::test {

// Saves a grab of `widget` as `fileName` in STRATA_TEST_ARTIFACTS (or the temporary folder).
bool saveArtifact(QWidget *widget, const QString &fileName);

// The base of a GUI test class: finds the tested widget's children by object name (a
// renamed one stops the run), types over a field as a user would, and saves screenshots to
// the test artifacts folder.
class WidgetTest : public QObject
{
    Q_OBJECT
protected:
    virtual QWidget *widgetUnderTest() const = 0;  // nullptr between tests

    QLineEdit *edit(const char *name) const;
    QLabel *label(const char *name) const;
    QComboBox *combo(const char *name) const;
    QPushButton *button(const char *name) const;

    // Selects all of `edit`'s text and types `text` over it (Delete when it is empty).
    static void replaceText(QLineEdit *edit, const QString &text);
    // Saves a grab of the tested widget as `fileName` in STRATA_TEST_ARTIFACTS.
    bool saveGrab(const QString &fileName) const;
};

} // namespace strata::test
