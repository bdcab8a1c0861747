//! Group commit for scores: submissions that arrive while a write is on disk are written
//! together in the next transaction, so one flush to disk acknowledges many of them.

use std::sync::Arc;

use tokio::sync::{mpsc, oneshot};

use super::{ScoreSubmission, Store, StoreError, StoreResult};

/// The most submissions one transaction takes.
const MAX_BATCH: usize = 512;

struct Job {
    submission: ScoreSubmission,
    reply: oneshot::Sender<StoreResult<i64>>,
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
                    batch.drain(..).map(|job| (job.submission, job.reply)).unzip();
                match store.put_scores(&submissions).await {
                    Ok(outcomes) => {
                        for (reply, outcome) in replies.into_iter().zip(outcomes) {
                            let _ = reply.send(outcome);
                        }
                    }
                    Err(cause) => {
                        tracing::error!(%cause, submissions = submissions.len(), "writing scores");
                        for reply in replies {
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
        self.jobs.send(Job { submission, reply }).await.map_err(|_| StoreError::WriteFailed)?;
        answer.await.map_err(|_| StoreError::WriteFailed)?
    }
}
