// Evaluating many workers in parallel with results in input order and bounded memory: the
// feeding thread pushes workers (in id order), evaluation threads each own an evaluator, and the
// sink sees results on the feeding thread in the order the workers came in. At most a fixed
// number of batches are in flight, so memory does not grow with the number of workers.
#pragma once

#include "rw/engine/engine.hpp"

#include <condition_variable>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <thread>

namespace rw::engine {

struct evaluated_worker {
    worker w;
    std::vector<data_issue> issues;
    worker_result result;
};

class batch_runner {
public:
    using sink_fn = std::function<void(evaluated_worker&&)>;

    /// `threads` = 0 uses every core. The sink is called on the thread that calls push/finish.
    batch_runner(std::shared_ptr<program const> prog, agency const& ag, client_index const& clients,
                 evaluation_options opts, unsigned threads, sink_fn sink, std::size_t batch_size = 256);
    ~batch_runner();
    batch_runner(batch_runner const&) = delete;
    batch_runner& operator=(batch_runner const&) = delete;

    void push(worker&& w, std::vector<data_issue>&& issues);
    /// Evaluates what is left and delivers every remaining result.
    void finish();
    unsigned threads() const { return static_cast<unsigned>(pool_.size()); }

private:
    struct batch {
        std::size_t seq;
        std::vector<evaluated_worker> items;
    };
    void submit();
    void drain(bool wait_one);
    void work(std::size_t index);
    void stop_all();

    std::shared_ptr<program const> prog_;
    agency const& agency_;
    client_index const& clients_;
    evaluation_options opts_;
    sink_fn sink_;
    std::size_t batch_size_;
    std::size_t max_in_flight_;

    std::vector<std::thread> pool_;
    std::mutex m_;
    std::condition_variable work_cv_, done_cv_;
    std::deque<batch> queue_;
    std::map<std::size_t, batch> done_;
    std::size_t next_seq_ = 0, next_out_ = 0, in_flight_ = 0;
    bool stop_ = false;
    batch current_{0, {}};
    std::exception_ptr error_;
};

}  // namespace rw::engine
