// extract_bench.cpp — extraction throughput: reads the files given on the
// command line, runs split_sentences and extract_mentions over each, and
// prints bytes, sentences, mentions, seconds and MB/s on one core.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "claimcheck/mention.hpp"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: bench_extract FILE...\n");
    return 2;
  }
  // Files are read first so the timing measures extraction, not the disk.
  std::vector<std::string> texts;
  size_t bytes = 0;
  for (int i = 1; i < argc; ++i) {
    std::ifstream in(argv[i], std::ios::binary);
    if (!in) {
      std::fprintf(stderr, "bench_extract: cannot read %s\n", argv[i]);
      return 2;
    }
    std::stringstream ss;
    ss << in.rdbuf();
    texts.push_back(ss.str());
    bytes += texts.back().size();
  }
  using clock = std::chrono::steady_clock;
  size_t sentences = 0, mentions = 0;
  auto t0 = clock::now();
  for (const auto& t : texts) sentences += claimcheck::split_sentences(t).size();
  auto t1 = clock::now();
  for (const auto& t : texts) mentions += claimcheck::extract_mentions(t).size();
  auto t2 = clock::now();
  double s_sent = std::chrono::duration<double>(t1 - t0).count();
  double s_ment = std::chrono::duration<double>(t2 - t1).count();
  double mb = double(bytes) / 1e6;
  std::printf("files %d\nbytes %zu\nsentences %zu\nmentions %zu\n", argc - 1, bytes, sentences, mentions);
  std::printf("seconds_sentences %.4f\nseconds_mentions %.4f\nseconds %.4f\n", s_sent, s_ment, s_sent + s_ment);
  std::printf("mbps_sentences %.1f\nmbps_mentions %.1f\nmbps %.1f\n", mb / s_sent, mb / s_ment,
              mb / (s_sent + s_ment));
  return 0;
}
