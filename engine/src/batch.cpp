// The parallel batch runner (see batch.hpp).
#include "rw/engine/batch.hpp"

namespace rw::engine {

batch_runner::batch_runner(std::shared_ptr<program const> prog, agency const& ag, client_index const& clients,
                           evaluation_options opts, unsigned threads, sink_fn sink, std::size_t batch_size)
    : prog_(std::move(prog)), agency_(ag), clients_(clients), opts_(opts), sink_(std::move(sink)), batch_size_(batch_size) {
    if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
    max_in_flight_ = 2 * threads + 2;
    try {
        for (unsigned i = 0; i < threads; ++i) pool_.emplace_back([this, i] { work(i); });
    } catch (...) {
        // Out of threads: stop the ones started (a joinable std::thread must not be destroyed).
        stop_all();
        throw;
    }
    current_.items.reserve(batch_size_);
}

batch_runner::~batch_runner() { stop_all(); }

void batch_runner::stop_all() {
    {
        std::lock_guard<std::mutex> lock(m_);
        stop_ = true;
    }
    work_cv_.notify_all();
    for (auto& t : pool_)
        if (t.joinable()) t.join();
}

void batch_runner::work(std::size_t) {
    evaluator ev(prog_);
    for (;;) {
        batch b;
        {
            std::unique_lock<std::mutex> lock(m_);
            work_cv_.wait(lock, [&] { return stop_ || !queue_.empty(); });
            if (queue_.empty()) return;
            b = std::move(queue_.front());
            queue_.pop_front();
        }
        try {
            for (auto& item : b.items) item.result = ev.evaluate_worker(agency_, clients_, item.w, opts_);
        } catch (...) {
            std::lock_guard<std::mutex> lock(m_);
            if (!error_) error_ = std::current_exception();
        }
        {
            std::lock_guard<std::mutex> lock(m_);
            done_.emplace(b.seq, std::move(b));
        }
        done_cv_.notify_all();
    }
}

void batch_runner::push(worker&& w, std::vector<data_issue>&& issues) {
    current_.items.push_back({std::move(w), std::move(issues), {}});
    if (current_.items.size() >= batch_size_) submit();
}

void batch_runner::submit() {
    if (current_.items.empty()) return;
    drain(false);
    {
        std::unique_lock<std::mutex> lock(m_);
        // Bounded memory: wait until a batch has come back before sending more.
        while (in_flight_ >= max_in_flight_) {
            lock.unlock();
            drain(true);
            lock.lock();
        }
        current_.seq = next_seq_++;
        queue_.push_back(std::move(current_));
        ++in_flight_;
    }
    work_cv_.notify_one();
    current_ = batch{0, {}};
    current_.items.reserve(batch_size_);
}

// Delivers finished batches in order; with wait_one = true first waits for the next one.
void batch_runner::drain(bool wait_one) {
    for (;;) {
        batch b;
        {
            std::unique_lock<std::mutex> lock(m_);
            if (wait_one) done_cv_.wait(lock, [&] { return done_.count(next_out_) > 0 || error_; });
            if (error_) std::rethrow_exception(error_);
            auto it = done_.find(next_out_);
            if (it == done_.end()) return;
            b = std::move(it->second);
            done_.erase(it);
            ++next_out_;
            --in_flight_;
        }
        for (auto& item : b.items) sink_(std::move(item));
        wait_one = false;
    }
}

void batch_runner::finish() {
    submit();
    for (;;) {
        {
            std::lock_guard<std::mutex> lock(m_);
            if (in_flight_ == 0) break;
        }
        drain(true);
    }
}

}  // namespace rw::engine
