#include "WidgetTest.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPixmap>
#include <QPushButton>
#include <QTest>

namespace strata::test {

namespace {

QString artifactsDir()
{
    QString dir = qEnvironmentVariable("STRATA_TEST_ARTIFACTS");
    if (dir.isEmpty())
        dir = QDir::current().filePath(QStringLiteral("test-artifacts"));
    QDir().mkpath(dir);
    return dir;
}

template<typename T>
T *namedChild(const QWidget *root, const char *name)
{
    auto *widget = root->findChild<T *>(QString::fromLatin1(name));
    if (!widget)
        qFatal("no %s named %s", T::staticMetaObject.className(), name);
    return widget;
}

} // namespace

QLineEdit *WidgetTest::edit(const char *name) const
{
    return namedChild<QLineEdit>(widgetUnderTest(), name);
}

QLabel *WidgetTest::label(const char *name) const
{
    return namedChild<QLabel>(widgetUnderTest(), name);
}

QComboBox *WidgetTest::combo(const char *name) const
{
    return namedChild<QComboBox>(widgetUnderTest(), name);
}

QPushButton *WidgetTest::button(const char *name) const
{
    return namedChild<QPushButton>(widgetUnderTest(), name);
}

void WidgetTest::replaceText(QLineEdit *edit, const QString &text)
{
    edit->setFocus();
    QTest::keyClick(edit, Qt::Key_A, Qt::ControlModifier);
    if (text.isEmpty())
        QTest::keyClick(edit, Qt::Key_Delete);
    else
        QTest::keyClicks(edit, text);
}

bool WidgetTest::saveGrab(const QString &fileName) const
{
    QWidget *widget = widgetUnderTest();
    return widget && saveArtifact(widget, fileName);
}

bool saveArtifact(QWidget *widget, const QString &fileName)
{
    const QString path = QDir(artifactsDir()).filePath(fileName);
    // Let pending layout requests (a label shown or hidden) settle first.
    QCoreApplication::sendPostedEvents();
    const bool saved = widget->grab().save(path);
    if (!saved)
        qWarning("could not save %s", qPrintable(path));
    return saved;
}

} // namespace strata::test
