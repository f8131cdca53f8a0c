// extract_bench.cpp — extraction throughput: reads the files given on the
// command line, runs what the indexer runs over each (extract_mentions, then
// sentences_around: the sentences holding them), and prints bytes, sentences,
// mentions, seconds and MB/s on one core; seconds_split_all is split_sentences
// over the whole text, for reference (what checking a draft segments).
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
  std::vector<std::vector<claimcheck::Mention>> found;
  found.reserve(texts.size());
  auto t0 = clock::now();
  for (const auto& t : texts) found.push_back(claimcheck::extract_mentions(t));
  auto t1 = clock::now();
  for (size_t i = 0; i < texts.size(); ++i) {
    mentions += found[i].size();
    sentences += claimcheck::sentences_around(texts[i], found[i]).size();
  }
  auto t2 = clock::now();
  size_t all_sentences = 0;
  for (const auto& t : texts) all_sentences += claimcheck::split_sentences(t).size();
  auto t3 = clock::now();
  double s_ment = std::chrono::duration<double>(t1 - t0).count();
  double s_sent = std::chrono::duration<double>(t2 - t1).count();
  double s_all = std::chrono::duration<double>(t3 - t2).count();
  double mb = double(bytes) / 1e6;
  std::printf("files %d\nbytes %zu\nsentences %zu\nmentions %zu\n", argc - 1, bytes, sentences, mentions);
  std::printf("seconds_sentences %.4f\nseconds_mentions %.4f\nseconds %.4f\n", s_sent, s_ment, s_sent + s_ment);
  std::printf("sentences_all %zu\nseconds_split_all %.4f\n", all_sentences, s_all);
  std::printf("mbps_sentences %.1f\nmbps_mentions %.1f\nmbps %.1f\n", mb / s_sent, mb / s_ment,
              mb / (s_sent + s_ment));
  return 0;
}
