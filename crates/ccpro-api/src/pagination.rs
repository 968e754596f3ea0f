//! [`Pages`]: a [`Stream`] over the items of a paginated list, one page in memory at a
//! time.
//!
//! CCPro documents no page parameter (reference §3); the lists that send page `meta`
//! (`notification-temporary`, `platform-staff`) are Laravel paginators, which read
//! `?page=N`. [`Pages`] asks a caller-supplied closure for page 1, 2, … and yields their
//! items in order (the crate's own streams ask for page 1 as documented, without the
//! parameter, and for later pages with `?page=N`). It stops:
//!
//! - after the last page (`currentPage >= lastPage`), or after a page whose `meta` does not
//!   say where it sits (`{"total": 2}` alone, or no `meta`): such a list is one page;
//! - after an empty page;
//! - on a page that is not the one asked for (its `currentPage` differs): a server that
//!   ignores `page` answers page 1 again and again, which would otherwise repeat items
//!   forever; the stream yields [`PageError::UnexpectedPage`] and ends;
//! - after [`Pages::max_pages`] pages (1000 by default) when more remain: it yields
//!   [`PageError::TooManyPages`] and ends, so a truncated listing is never silent;
//! - after a failed fetch, which it yields as [`PageError::Fetch`].
//!
//! ```no_run
//! # async fn run(user: ccpro_api::UserClient) -> Result<(), ccpro_api::PageError> {
//! let mut notifications = user.temporary_notifications_stream();
//! while let Some(n) = notifications.next_item().await {
//!     println!("{:?}", n?.title);
//! }
//! # Ok(()) }
//! ```
//!
//! [`Pages`] is a [`futures_core::Stream`], so `StreamExt` combinators apply too.

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

use futures_core::Stream;
use payments_core::Error;

use crate::types::common::Page;

/// The default bound on the number of pages one [`Pages`] fetches.
pub const DEFAULT_MAX_PAGES: u64 = 1000;

type PageFuture<'a, T> = Pin<Box<dyn Future<Output = Result<Page<T>, Error>> + Send + 'a>>;
type Fetch<'a, T> = Box<dyn Fn(u64) -> PageFuture<'a, T> + Send + 'a>;

/// Why a [`Pages`] stream ended early. It ends after yielding one of these.
#[derive(Debug)]
#[non_exhaustive]
pub enum PageError {
    /// Fetching a page failed.
    Fetch(Error),
    /// The server answered another page than the one asked for (it ignores the page
    /// parameter, or the list changed under the iteration).
    UnexpectedPage {
        /// The page asked for.
        requested: u64,
        /// The `currentPage` of the answer.
        received: u64,
    },
    /// The bound on pages was reached while more pages remained.
    TooManyPages {
        /// The bound.
        max_pages: u64,
    },
}

impl fmt::Display for PageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PageError::Fetch(e) => write!(f, "fetching a page failed: {e}"),
            PageError::UnexpectedPage {
                requested,
                received,
            } => write!(
                f,
                "asked for page {requested} but the server answered page {received}"
            ),
            PageError::TooManyPages { max_pages } => {
                write!(f, "stopped after {max_pages} pages while more remained")
            }
        }
    }
}

impl std::error::Error for PageError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            PageError::Fetch(e) => Some(e),
            _ => None,
        }
    }
}

impl From<Error> for PageError {
    fn from(e: Error) -> Self {
        PageError::Fetch(e)
    }
}

/// A stream of the items of a paginated list, fetching page 1, 2, … on demand and holding
/// one page at a time (see the [module docs](self) for when it stops).
pub struct Pages<'a, T> {
    fetch: Fetch<'a, T>,
    /// The page to ask for next (from 1).
    next_page: u64,
    /// How many pages were fetched.
    fetched: u64,
    max_pages: u64,
    /// The items left of the current page.
    current: Option<std::vec::IntoIter<T>>,
    /// Whether a page follows the current one.
    more: bool,
    in_flight: Option<PageFuture<'a, T>>,
    done: bool,
}

// Nothing inside is ever pinned in place: the page's items are moved out by value and the
// in-flight future is boxed.
impl<T> Unpin for Pages<'_, T> {}

impl<T> fmt::Debug for Pages<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Pages")
            .field("next_page", &self.next_page)
            .field("fetched", &self.fetched)
            .field("max_pages", &self.max_pages)
            .field("done", &self.done)
            .finish_non_exhaustive()
    }
}

impl<'a, T: Send + 'a> Pages<'a, T> {
    /// A stream over the pages `fetch` returns for page numbers 1, 2, …
    pub fn new<F, Fut>(fetch: F) -> Self
    where
        F: Fn(u64) -> Fut + Send + 'a,
        Fut: Future<Output = Result<Page<T>, Error>> + Send + 'a,
    {
        Pages {
            fetch: Box::new(move |page| Box::pin(fetch(page))),
            next_page: 1,
            fetched: 0,
            max_pages: DEFAULT_MAX_PAGES,
            current: None,
            more: true,
            in_flight: None,
            done: false,
        }
    }

    /// Sets the most pages to fetch (default [`DEFAULT_MAX_PAGES`]; at least 1).
    pub fn max_pages(mut self, max_pages: u64) -> Self {
        self.max_pages = max_pages.max(1);
        self
    }

    /// The next item, or `None` at the end: the stream's `next`, for callers without a
    /// `StreamExt` at hand.
    pub async fn next_item(&mut self) -> Option<Result<T, PageError>> {
        std::future::poll_fn(|cx| Pin::new(&mut *self).poll_next(cx)).await
    }

    /// Collects every item, stopping at the first error (this holds the whole list).
    pub async fn try_collect(mut self) -> Result<Vec<T>, PageError> {
        let mut out = Vec::new();
        while let Some(item) = self.next_item().await {
            out.push(item?);
        }
        Ok(out)
    }

    /// How many pages were fetched so far.
    pub fn pages_fetched(&self) -> u64 {
        self.fetched
    }

    fn finish(&mut self, e: PageError) -> Poll<Option<Result<T, PageError>>> {
        self.done = true;
        self.current = None;
        self.in_flight = None;
        Poll::Ready(Some(Err(e)))
    }
}

impl<'a, T: Send + 'a> Stream for Pages<'a, T> {
    type Item = Result<T, PageError>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = self.get_mut();
        loop {
            if this.done {
                return Poll::Ready(None);
            }
            if let Some(items) = &mut this.current {
                if let Some(item) = items.next() {
                    return Poll::Ready(Some(Ok(item)));
                }
                // Drop the exhausted page before fetching the next one.
                this.current = None;
                if !this.more {
                    this.done = true;
                    continue;
                }
            }
            if this.in_flight.is_none() {
                if this.fetched >= this.max_pages {
                    let max_pages = this.max_pages;
                    return this.finish(PageError::TooManyPages { max_pages });
                }
                this.in_flight = Some((this.fetch)(this.next_page));
            }
            let Some(fut) = this.in_flight.as_mut() else {
                continue;
            };
            let page = match fut.as_mut().poll(cx) {
                Poll::Pending => return Poll::Pending,
                Poll::Ready(Err(e)) => return this.finish(PageError::Fetch(e)),
                Poll::Ready(Ok(page)) => page,
            };
            this.in_flight = None;
            this.fetched += 1;
            let requested = this.next_page;
            let meta = page.meta.as_ref();
            if let Some(received) = meta.and_then(|m| m.current_page)
                && received != requested
            {
                return this.finish(PageError::UnexpectedPage {
                    requested,
                    received,
                });
            }
            this.more = page.has_more();
            this.next_page += 1;
            if page.data.is_empty() {
                this.done = true;
                continue;
            }
            this.current = Some(page.data.into_iter());
        }
    }
}
