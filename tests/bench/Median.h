#pragma once

#include <QList>

#include <algorithm>

namespace strata::bench {

// The middle value; for an even count the upper of the two middle ones. Every figure is a
// median, so that one run disturbed by the other users of a shared machine does not count.
inline double median(QList<double> values)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}

} // namespace strata::bench
