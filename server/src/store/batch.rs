//! Group commit for scores: submissions that arrive while a write is on disk are written
//! together in the next transaction, so one flush to disk acknowledges many of them.

use std::sync::Arc;
use std::time::Instant;

use tokio::sync::{mpsc, oneshot};

use super::{ScoreSubmission, Store, StoreError, StoreResult};
use crate::metrics;

/// The most submissions one transaction takes.
const MAX_BATCH: usize = 512;

struct Job {
    submission: ScoreSubmission,
    reply: oneshot::Sender<StoreResult<i64>>,
    /// When it was handed over, for the time until it is acknowledged.
    enqueued: Instant,
}

/// Hands score submissions to the one task that writes them.
#[derive(Clone)]
pub struct ScoreWriter {
    jobs: mpsc::Sender<Job>,
}

impl ScoreWriter {
    pub fn spawn(store: Arc<dyn Store>) -> ScoreWriter {
        let (jobs, mut queue) = mpsc::channel::<Job>(8 * MAX_BATCH);
        tokio::spawn(async move {
            let mut batch = Vec::with_capacity(MAX_BATCH);
            while queue.recv_many(&mut batch, MAX_BATCH).await > 0 {
                let (submissions, replies): (Vec<ScoreSubmission>, Vec<_>) =
                    batch.drain(..).map(|job| (job.submission, (job.reply, job.enqueued))).unzip();
                metrics::score_batch(submissions.len());
                match store.put_scores(&submissions).await {
                    Ok(outcomes) => {
                        for ((reply, enqueued), outcome) in replies.into_iter().zip(outcomes) {
                            metrics::score_submission(outcome.is_ok(), Some(enqueued));
                            let _ = reply.send(outcome);
                        }
                    }
                    Err(cause) => {
                        tracing::error!(%cause, submissions = submissions.len(), "writing scores");
                        for (reply, _) in replies {
                            metrics::score_submission(false, None);
                            let _ = reply.send(Err(StoreError::WriteFailed));
                        }
                    }
                }
            }
        });
        ScoreWriter { jobs }
    }

    /// Writes one submission; answers once it is durable, with the version that includes it.
    pub async fn write(&self, submission: ScoreSubmission) -> StoreResult<i64> {
        let (reply, answer) = oneshot::channel();
        self.jobs
            .send(Job { submission, reply, enqueued: Instant::now() })
            .await
            .map_err(|_| StoreError::WriteFailed)?;
        answer.await.map_err(|_| StoreError::WriteFailed)?
    }
}
