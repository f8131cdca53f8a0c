// value_buckets_test.cpp — the value bucket terms the index narrows value
// ranges with: every value inside a range must share a term with the range's
// cover (else the search would miss it), and covers stay small.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <random>
#include <set>

#include "index/evidence.hpp"

using namespace claimcheck;
using index_detail::range_terms;
using index_detail::value_terms;

namespace {

bool covered(Unit unit, double v, const std::vector<std::string>& cover) {
  const std::set<std::string> c(cover.begin(), cover.end());
  for (const auto& t : value_terms(unit, v))
    if (c.count(t)) return true;
  return false;
}

}  // namespace

TEST_CASE("value buckets: table of ranges", "[index][buckets]") {
  struct Row {
    double lo, hi;
    size_t max_terms;
  };
  const Row rows[] = {
      {78.5, 79.5, 24},     {2007.5, 2008.5, 2},   {0, 100, 40},      {-5, 5, 80},
      {111000, 111000, 1},  {9.95e7, 1.005e8, 24}, {1e-15, 1e-14, 1}, {0.1, 0.30000001, 24},
      {-2.5e9, -2.4e9, 24}, {4.5, 5.5, 24},        {1e24, 5e30, 24},  {99.5, 100.5, 24},
  };
  for (const auto& r : rows) {
    INFO("range " << r.lo << ".." << r.hi);
    const auto cover = range_terms(Unit::count, r.lo, r.hi);
    REQUIRE(!cover.empty());
    CHECK(cover.size() <= r.max_terms);
    for (int i = 0; i <= 50; ++i) {
      const double v = r.lo + (r.hi - r.lo) * i / 50.0;
      INFO("value " << v);
      CHECK(covered(Unit::count, v, cover));
    }
    CHECK(covered(Unit::count, r.lo, cover));
    CHECK(covered(Unit::count, r.hi, cover));
  }
  // A range is per unit: a percent is not found under counts.
  CHECK(!covered(Unit::percent, 79, range_terms(Unit::count, 78.5, 79.5)));
  // Ranges not finite or empty are left to the value check alone.
  CHECK(range_terms(Unit::count, 0, INFINITY).empty());
  CHECK(range_terms(Unit::count, 5, 4).empty());
  // A narrow range finds its value at four significant digits.
  CHECK(range_terms(Unit::year, 2007.5, 2008.5).size() == 2);
}

TEST_CASE("value buckets: random ranges cover every value in them", "[index][buckets]") {
  std::mt19937_64 rng(20261123);
  std::uniform_real_distribution<double> exp(-14, 26), frac(0, 1);
  for (int i = 0; i < 3000; ++i) {
    double a = std::pow(10.0, exp(rng)) * (frac(rng) < 0.2 ? -1 : 1);
    double b = a + std::fabs(a) * std::pow(10.0, exp(rng) / 5 - 3);
    if (frac(rng) < 0.1) b = -a;
    const double lo = std::min(a, b), hi = std::max(a, b);
    const auto cover = range_terms(Unit::usd, lo, hi);
    if (cover.empty()) continue;  // too wide: the value check alone
    for (double v :
         {lo, hi, lo + (hi - lo) * frac(rng), std::nextafter(hi, lo), std::nextafter(lo, hi)}) {
      INFO(lo << ".." << hi << " value " << v);
      REQUIRE(covered(Unit::usd, v, cover));
    }
  }
}

TEST_CASE("value buckets: only edge buckets hold values outside the range", "[index][buckets]") {
  using index_detail::range_cover;
  auto under = [](Unit unit, double v, const std::vector<std::string>& terms) {
    return covered(unit, v, terms);
  };
  // 78.5..79.5: 78.5-78.9 and 79.0-79.4 at three digits, 79.50 at four; the
  // first and the last are the edges, and only the last holds values beyond
  // the range, within its finest bucket (79.505 yes, 79.55 no).
  const auto c = range_cover(Unit::percent, 78.5, 79.5);
  CHECK(c.edges.size() == 2);
  CHECK(c.inside.size() == 9);
  CHECK(under(Unit::percent, 79, c.inside));
  CHECK(under(Unit::percent, 78.5, c.edges));
  CHECK(!under(Unit::percent, 79.505, c.inside));
  CHECK(under(Unit::percent, 79.505, c.edges));  // admitted by the buckets, refused by the reader
  CHECK(!under(Unit::percent, 79.55, c.edges));
  CHECK(!under(Unit::percent, 78.49, c.edges));
  // A whole decade is one term; its neighbours' ends are finer.
  CHECK(range_cover(Unit::count, 1000, 9999.9).inside.size() + range_cover(Unit::count, 1000, 9999.9).edges.size() <= 10);
  CHECK(range_cover(Unit::count, 0, INFINITY).edges.empty());

  std::mt19937_64 rng(20261203);
  std::uniform_real_distribution<double> exp(-14, 26), frac(0, 1);
  for (int i = 0; i < 3000; ++i) {
    double a = std::pow(10.0, exp(rng)) * (frac(rng) < 0.2 ? -1 : 1);
    double b = a + std::fabs(a) * std::pow(10.0, exp(rng) / 5 - 3);
    if (frac(rng) < 0.1) b = -a;
    const double lo = std::min(a, b), hi = std::max(a, b);
    const auto cover = range_cover(Unit::usd, lo, hi);
    std::vector<std::string> all = cover.inside;
    all.insert(all.end(), cover.edges.begin(), cover.edges.end());
    CHECK(all.size() == range_terms(Unit::usd, lo, hi).size());
    if (all.empty()) continue;
    const double w = hi - lo;
    for (double v : {lo, hi, lo + w * frac(rng), std::nextafter(lo, -INFINITY),
                     std::nextafter(hi, INFINITY), lo - w * frac(rng), hi + w * frac(rng),
                     lo - std::fabs(lo) * 1e-3, hi + std::fabs(hi) * 1e-3, 0.0}) {
      INFO(lo << ".." << hi << " value " << v);
      const bool in = lo <= v && v <= hi;
      if (in) REQUIRE(covered(Unit::usd, v, all));
      if (!in) REQUIRE(!covered(Unit::usd, v, cover.inside));
      // Beyond the finest bucket of either end, nothing covers it.
      const double slack = 1.001e-3 * std::max(std::fabs(lo), std::fabs(hi));
      const bool far = v < lo - slack || v > hi + slack;
      const bool plain = std::fabs(v) > 1e-11 && std::fabs(v) < 1e23 && std::fabs(lo) > 1e-11 &&
                         std::fabs(hi) < 1e23 && (lo > 0 || hi < 0);
      if (far && plain) REQUIRE(!covered(Unit::usd, v, all));
    }
  }
}
