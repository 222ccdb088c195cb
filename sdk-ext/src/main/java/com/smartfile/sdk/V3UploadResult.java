package com.smartfile.sdk;

import com.smartfile.sdk.internal.V3UploadReply;
import com.smartfile.sdk.model.PathInfo;
import okhttp3.Request;
import retrofit2.Response;

/**
 * What a v3 upload ({@code PUT}/{@code PATCH path/data/…}) answered: the file's {@link PathInfo}
 * (the reply's part, decoded from the same JSON object), or a typed error for a 200 that carries
 * {@code {"status": N, "detail": "…"}} (how the v3 routes report a failure).
 */
final class V3UploadResult {

    private V3UploadResult() {
    }

    /** The uploaded file's description, or the exception for the failure the reply reports. */
    static PathInfo of(Response<V3UploadReply> response) {
        Request request = response.raw().request();
        V3UploadReply reply = response.body();
        if (reply == null) {
            throw new InvalidReplyException("SmartFile answered " + request.method() + " "
                    + Redaction.url(request.url()) + " with an empty body; the upload may have taken effect, "
                    + "check with paths().info(…).", null);
        }
        if (reply.getDetail() != null || (reply.getStatus() != null && reply.getStatus() >= 300)) {
            int status = reply.getStatus() != null ? reply.getStatus() : response.code();
            String detail = reply.getDetail() != null ? reply.getDetail() : "failed (no detail given)";
            throw ErrorMapper.fromV3Reply(request, status, detail, response.headers().get("x-unique-id"));
        }
        return reply.getPathInfo();
    }
}
