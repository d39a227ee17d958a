#pragma once

#include <QObject>

#include <functional>

namespace strata::test {

// Collects the test classes of one test executable, so that each area has one runner main.
class TestRegistry
{
public:
    using Factory = std::function<QObject *()>;

    static TestRegistry &instance();
    bool add(const char *className, Factory factory);
    // Runs the class named in argv[1] (or all); returns the number of failed classes.
    int run(int argc, char **argv);

private:
    struct Entry {
        const char *name;
        Factory factory;
    };
    QList<Entry> m_entries;
};

} // namespace strata::test

// Registers a QObject test class with this executable's runner; put it after the class.
#define STRATA_TEST(Class)                                                                      \
    static const bool Class##Registered_ =                                                      \
        ::strata::test::TestRegistry::instance().add(#Class, [] { return new Class; });
