/*
 * An open-loop HTTP load generator for bench/serve.ts: sends one POST every 1/RATE seconds,
 * whatever the server's answers, over CONNECTIONS keep-alive connections (HTTP/1.1 pipelining,
 * requests dealt round-robin) and charges each answer's latency from the moment its request was
 * due, so a server that falls behind is charged for the queue it builds (no coordinated
 * omission). Written in C because a Node generator sharing these two cores with the server
 * saturates near 10,000 req/s; this one needs a few percent of a core at 30,000.
 *
 *   gcc -O2 -o open-loop bench/open-loop.c -lm
 *   ./open-loop HOST PORT PATH BODY_FILE RATE SECONDS CONNECTIONS
 *
 * Prints one JSON object: sent, completed, errors, statuses, offeredRate, achievedRate (answers
 * per second until the last one), okRate (200s per second), elapsed (s), p50, p99, max (ms).
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/timerfd.h>
#include <time.h>
#include <unistd.h>

#define QUEUE 65536
#define INBUF (1 << 20)

typedef struct {
  int fd;
  char *out;
  size_t out_len, out_cap, out_sent;
  char *in;
  size_t in_len;
  double due[QUEUE]; /* due times of requests sent and not yet answered */
  size_t head, count;
  int writable_wanted;
  int dead;
} conn_t;

static double now_s(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

static void die(const char *what) {
  perror(what);
  exit(2);
}

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

static void append(conn_t *c, const char *data, size_t n) {
  if (c->out_len + n > c->out_cap) {
    c->out_cap = (c->out_len + n) * 2;
    c->out = realloc(c->out, c->out_cap);
    if (c->out == NULL) die("realloc");
  }
  memcpy(c->out + c->out_len, data, n);
  c->out_len += n;
}

static void flush(conn_t *c, int ep) {
  while (c->out_sent < c->out_len) {
    ssize_t n = write(c->fd, c->out + c->out_sent, c->out_len - c->out_sent);
    if (n < 0) {
      if (errno == EAGAIN) break;
      c->dead = 1;
      return;
    }
    c->out_sent += (size_t)n;
  }
  if (c->out_sent == c->out_len) c->out_sent = c->out_len = 0;
  int want = c->out_len > 0;
  if (want != c->writable_wanted) {
    struct epoll_event ev = {.events = EPOLLIN | (want ? EPOLLOUT : 0), .data.ptr = c};
    epoll_ctl(ep, EPOLL_CTL_MOD, c->fd, &ev);
    c->writable_wanted = want;
  }
}

int main(int argc, char **argv) {
  if (argc != 8) {
    fprintf(stderr, "usage: %s HOST PORT PATH BODY_FILE RATE SECONDS CONNECTIONS\n", argv[0]);
    return 2;
  }
  const char *host = argv[1];
  int port = atoi(argv[2]);
  const char *path = argv[3];
  double rate = atof(argv[5]), seconds = atof(argv[6]);
  int nconn = atoi(argv[7]);
  FILE *f = fopen(argv[4], "rb");
  if (f == NULL) die("body file");
  static char body[1 << 16];
  size_t body_len = fread(body, 1, sizeof body, f);
  fclose(f);
  char request[1 << 17];
  int header_len = snprintf(request, sizeof request,
                            "POST %s HTTP/1.1\r\nHost: %s:%d\r\nContent-Type: application/json\r\n"
                            "Content-Length: %zu\r\n\r\n",
                            path, host, port, body_len);
  memcpy(request + header_len, body, body_len);
  size_t request_len = (size_t)header_len + body_len;

  int ep = epoll_create1(0);
  if (ep < 0) die("epoll_create1");
  conn_t *conns = calloc((size_t)nconn, sizeof(conn_t));
  struct sockaddr_in addr = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
  inet_pton(AF_INET, host, &addr.sin_addr);
  for (int i = 0; i < nconn; i++) {
    conn_t *c = &conns[i];
    c->fd = socket(AF_INET, SOCK_STREAM, 0);
    if (c->fd < 0) die("socket");
    if (connect(c->fd, (struct sockaddr *)&addr, sizeof addr) < 0) die("connect");
    int one = 1;
    setsockopt(c->fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    fcntl(c->fd, F_SETFL, O_NONBLOCK);
    c->in = malloc(INBUF);
    struct epoll_event ev = {.events = EPOLLIN, .data.ptr = c};
    epoll_ctl(ep, EPOLL_CTL_ADD, c->fd, &ev);
  }
  /* A 0.5 ms tick wakes the loop to send what has fallen due. */
  int tick = timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK);
  struct itimerspec spec = {.it_interval = {0, 500000}, .it_value = {0, 500000}};
  timerfd_settime(tick, 0, &spec, NULL);
  struct epoll_event tev = {.events = EPOLLIN, .data.ptr = NULL};
  epoll_ctl(ep, EPOLL_CTL_ADD, tick, &tev);

  size_t total = (size_t)(rate * seconds);
  double *latency = malloc(total * sizeof(double));
  size_t sent = 0, completed = 0, errors = 0, next_conn = 0;
  size_t status_200 = 0, status_503 = 0, status_other = 0;
  double start = now_s();
  double deadline = start + seconds + 10; /* answers may take up to 10 s after the last send */
  struct epoll_event events[256];

  while (completed + errors < total) {
    double t = now_s();
    if (t > deadline) break;
    while (sent < total && start + sent / rate <= t) {
      conn_t *c = NULL;
      for (int tries = 0; tries < nconn; tries++) {
        conn_t *k = &conns[next_conn++ % (size_t)nconn];
        if (!k->dead && k->count < QUEUE) {
          c = k;
          break;
        }
      }
      if (c == NULL) {
        errors++;
        sent++;
        continue;
      }
      append(c, request, request_len);
      c->due[(c->head + c->count++) % QUEUE] = start + sent / rate;
      sent++;
    }
    for (int i = 0; i < nconn; i++)
      if (conns[i].out_len > conns[i].out_sent && !conns[i].dead) flush(&conns[i], ep);
    int n = epoll_wait(ep, events, 256, 1);
    double arrived = now_s();
    for (int e = 0; e < n; e++) {
      conn_t *c = events[e].data.ptr;
      if (c == NULL) {
        uint64_t expirations;
        if (read(tick, &expirations, sizeof expirations) < 0 && errno != EAGAIN) die("timerfd");
        continue;
      }
      if (events[e].events & EPOLLOUT) flush(c, ep);
      if (!(events[e].events & (EPOLLIN | EPOLLHUP | EPOLLERR))) continue;
      for (;;) {
        ssize_t r = read(c->fd, c->in + c->in_len, INBUF - c->in_len);
        if (r < 0 && errno == EAGAIN) break;
        if (r <= 0) {
          c->dead = 1;
          errors += c->count;
          c->count = 0;
          epoll_ctl(ep, EPOLL_CTL_DEL, c->fd, NULL);
          break;
        }
        c->in_len += (size_t)r;
        /* Whole responses: status line, headers, Content-Length bytes of body. */
        size_t at = 0;
        for (;;) {
          char *start_of = c->in + at;
          size_t left = c->in_len - at;
          char *end = memmem(start_of, left, "\r\n\r\n", 4);
          if (end == NULL) break;
          size_t head_len = (size_t)(end - start_of) + 4;
          size_t content = 0;
          int chunked = 0;
          for (char *p = start_of; p < end; p++) {
            if (p != start_of && p[-1] != '\n') continue;
            if (strncasecmp(p, "content-length:", 15) == 0) content = strtoul(p + 15, NULL, 10);
            if (strncasecmp(p, "transfer-encoding: chunked", 26) == 0) chunked = 1;
          }
          if (chunked) {
            /* Small answers: the body ends at the first zero-length chunk. */
            char *last = memmem(start_of + head_len, left - head_len, "0\r\n\r\n", 5);
            if (last == NULL) break;
            content = (size_t)(last + 5 - (start_of + head_len));
          }
          if (left < head_len + content) break;
          int status = atoi(start_of + 9);
          if (c->count > 0) {
            latency[completed++] = arrived - c->due[c->head];
            c->head = (c->head + 1) % QUEUE;
            c->count--;
          }
          if (status == 200) status_200++;
          else if (status == 503) status_503++;
          else status_other++;
          at += head_len + content;
        }
        memmove(c->in, c->in + at, c->in_len - at);
        c->in_len -= at;
      }
    }
  }
  double elapsed = now_s() - start;
  double span = elapsed < seconds ? seconds : elapsed; /* until the last answer */
  for (int i = 0; i < nconn; i++) errors += conns[i].count; /* never answered */
  qsort(latency, completed, sizeof(double), cmp_double);
  double p50 = completed ? latency[completed / 2] * 1000 : 0;
  double p99 = completed ? latency[(size_t)(completed * 0.99)] * 1000 : 0;
  double max = completed ? latency[completed - 1] * 1000 : 0;
  printf("{\"sent\":%zu,\"completed\":%zu,\"errors\":%zu,\"statuses\":{\"200\":%zu,\"503\":%zu,"
         "\"other\":%zu},\"offeredRate\":%.1f,\"achievedRate\":%.1f,\"okRate\":%.1f,"
         "\"elapsed\":%.3f,\"p50\":%.3f,\"p99\":%.3f,\"max\":%.3f}\n",
         sent, completed, errors, status_200, status_503, status_other, rate, completed / span,
         status_200 / span, elapsed, p50, p99, max);
  return 0;
}
