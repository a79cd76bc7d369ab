<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>ActionDialog</name>
    <message>
        <location filename="../../widgets/inbox/action_dialog.py" line="+48" />
        <source>Required</source>
        <translation>必填</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Optional</source>
        <translation>选填</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Category:</source>
        <translation>事件类别：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Department:</source>
        <translation>职能部门：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Duplicate of case id:</source>
        <translation>重复于事件编号(ID)：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>New deadline:</source>
        <translation>新办理时限：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Due:</source>
        <translation>督办时限：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Note:</source>
        <translation>备注：</translation>
    </message>
</context>
<context>
    <name>Basemap</name>
    <message>
        <location filename="../../console/qtmodels/map_basemap.py" line="+167" />
        <source>Tile server of basemap “%1” unreachable (%2); the map works on without it.</source>
        <translation>底图“%1”的瓦片服务器无法连接（%2）；地图照常使用，不显示该底图。</translation>
    </message>
</context>
<context>
    <name>CameraTreePanel</name>
    <message>
        <location filename="../../widgets/video/camera_tree.py" line="+22" />
        <source>Search cameras</source>
        <translation>搜索摄像头</translation>
    </message>
</context>
<context>
    <name>CanvasInput</name>
    <message numerus="yes">
        <location filename="../../widgets/map/canvas_input.py" line="+147" />
        <source>%n objects — click to zoom in</source>
        <translation>
            <numerusform>%n 个对象 — 单击放大</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConsoleStatusBar</name>
    <message>
        <location filename="../../widgets/common/status_bar.py" line="+18" />
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Connecting…</source>
        <translation>连接中…</translation>
    </message>
    <message>
        <location line="+17" />
        <source>Connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Connection lost</source>
        <translation>连接中断</translation>
    </message>
</context>
<context>
    <name>IdentifyCard</name>
    <message>
        <location filename="../../widgets/map/identify_card.py" line="+25" />
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Owner phone</source>
        <translation>负责人电话</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Last inspection</source>
        <translation>上次排查</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Next inspection</source>
        <translation>下次排查</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Case no.</source>
        <translation>案件编号</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location line="+1" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Reported</source>
        <translation>上报时间</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Deadline</source>
        <translation>办理时限</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Last position</source>
        <translation>最后定位</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Unit</source>
        <translation>所属单位</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Online</source>
        <translation>在线状态</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Stream</source>
        <translation>视频流</translation>
    </message>
    <message>
        <location line="+15" />
        <source>online</source>
        <translation>在线</translation>
    </message>
    <message>
        <location line="+1" />
        <source>offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <location line="+33" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>InboxModel</name>
    <message>
        <location filename="../../console/qtmodels/inbox_model.py" line="+66" />
        <source>Case no.</source>
        <translation>案件编号</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location line="+0" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Reported</source>
        <translation>上报时间</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Deadline</source>
        <translation>办理时限</translation>
    </message>
</context>
<context>
    <name>InboxPanel</name>
    <message>
        <location filename="../../widgets/inbox/inbox_panel.py" line="+53" />
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <location line="+5" />
        <source>All sources</source>
        <translation>全部来源</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Search by case no., title, address or description</source>
        <translation>按案件编号、标题、地址或描述搜索</translation>
    </message>
    <message>
        <location line="+32" />
        <source>Searching…</source>
        <translation>正在搜索…</translation>
    </message>
    <message>
        <location line="+24" />
        <location line="+31" />
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>%1 cases</source>
        <translation>共 %1 件</translation>
    </message>
</context>
<context>
    <name>IncidentActions</name>
    <message>
        <location filename="../../widgets/inbox/detail_panel.py" line="+41" />
        <source>Accept</source>
        <translation>受理</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Reject</source>
        <translation>不予受理</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Duplicate / merge</source>
        <translation>重复/合并</translation>
    </message>
    <message>
        <location line="+1" />
        <source>File</source>
        <translation>立案</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Dispatch</source>
        <translation>派遣</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Sign for</source>
        <translation>签收</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Return</source>
        <translation>回退</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Start handling</source>
        <translation>开始处置</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Extension</source>
        <translation>延期</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cooperation</source>
        <translation>协同</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Handling feedback</source>
        <translation>处置反馈</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Verify</source>
        <translation>核查</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Close</source>
        <translation>结案</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Rework</source>
        <translation>返工</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Resume handling</source>
        <translation>重新处置</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Evaluate</source>
        <translation>评价</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Archive</source>
        <translation>归档</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Escalate</source>
        <translation>上报升级</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Supervision order</source>
        <translation>督办</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Reminder</source>
        <translation>催办</translation>
    </message>
</context>
<context>
    <name>IncidentDetailPanel</name>
    <message>
        <location line="+41" />
        <source>Case no.:</source>
        <translation>案件编号：</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Title:</source>
        <translation>标题：</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Category:</source>
        <translation>类别：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Source:</source>
        <translation>来源：</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Priority:</source>
        <translation>优先级：</translation>
    </message>
    <message>
        <location line="+0" />
        <source>State:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Grid:</source>
        <translation>网格：</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Address:</source>
        <translation>地址：</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Reported:</source>
        <translation>上报时间：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Deadline:</source>
        <translation>办理时限：</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Reporter:</source>
        <translation>上报人：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Assignee:</source>
        <translation>承办单位/人：</translation>
    </message>
    <message>
        <location line="+16" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location line="+0" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+0" />
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Select a case in the inbox to see it here.</source>
        <translation>在事件列表中选择一个案件，在此查看详情。</translation>
    </message>
    <message>
        <location line="+8" />
        <source>History</source>
        <translation>办理记录</translation>
    </message>
    <message>
        <location line="+64" />
        <source>Reported</source>
        <translation>上报</translation>
    </message>
    <message>
        <location line="+56" />
        <source>The action was refused: %1</source>
        <translation>操作被拒绝：%1</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Case %1 was changed at another workstation and is now “%2”. Your action was not applied.</source>
        <translation>案件 %1 已在其他坐席被修改，当前状态为“%2”。您的操作未执行。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>%1 acted on case %2 first (%3, at %4); it is now “%5”. Your action was not applied.</source>
        <translation>%1 已先处理案件 %2（%3，%4），当前状态为“%5”。您的操作未执行。</translation>
    </message>
</context>
<context>
    <name>IncidentLabels</name>
    <message>
        <location filename="../../console/qtmodels/incident_labels.py" line="+15" />
        <source>Reported</source>
        <translation>已上报</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Accepted</source>
        <translation>已受理</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Rejected</source>
        <translation>不予受理</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Duplicate</source>
        <translation>重复</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Filed</source>
        <translation>已立案</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Dispatched</source>
        <translation>已派遣</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Signed for</source>
        <translation>已签收</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Returned</source>
        <translation>已回退</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Handling</source>
        <translation>处置中</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Handled</source>
        <translation>已处置反馈</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Verifying</source>
        <translation>核查中</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Rework</source>
        <translation>返工</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Closed</source>
        <translation>已结案</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Evaluated</source>
        <translation>已评价</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Archived</source>
        <translation>已归档</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Grid worker</source>
        <translation>网格员上报</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Citizen app</source>
        <translation>群众App</translation>
    </message>
    <message>
        <location line="+1" />
        <source>12345 hotline</source>
        <translation>12345热线</translation>
    </message>
    <message>
        <location line="+1" />
        <source>110 non-police</source>
        <translation>110非警务</translation>
    </message>
    <message>
        <location line="+1" />
        <source>IoT sensor</source>
        <translation>物联感知</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Video</source>
        <translation>视频发现</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Warning</source>
        <translation>预警</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Walk-in</source>
        <translation>来访</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Phone</source>
        <translation>来电</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Imported</source>
        <translation>导入</translation>
    </message>
    <message>
        <location line="+3" />
        <source>New</source>
        <translation>新事件</translation>
    </message>
    <message>
        <location line="+1" />
        <source>To file</source>
        <translation>待立案</translation>
    </message>
    <message>
        <location line="+1" />
        <source>To dispatch</source>
        <translation>待派遣</translation>
    </message>
    <message>
        <location line="+1" />
        <source>In handling</source>
        <translation>处置中</translation>
    </message>
    <message>
        <location line="+1" />
        <source>To verify</source>
        <translation>待核查</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+28" />
        <source>Due soon</source>
        <translation>即将超时</translation>
    </message>
    <message>
        <location line="-27" />
        <location line="+28" />
        <source>Overdue</source>
        <translation>已超时</translation>
    </message>
    <message>
        <location line="-27" />
        <source>Supervised</source>
        <translation>督办</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Mine</source>
        <translation>我的</translation>
    </message>
    <message>
        <location line="+1" />
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <location line="+1" />
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Normal</source>
        <translation>一般</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Low</source>
        <translation>低</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Dispute</source>
        <translation>矛盾纠纷</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Public security hazard</source>
        <translation>治安隐患</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Fire safety</source>
        <translation>消防安全</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Production safety</source>
        <translation>安全生产</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Food safety</source>
        <translation>食品安全</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Rental housing</source>
        <translation>出租房屋</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Special groups</source>
        <translation>特殊人群</translation>
    </message>
    <message>
        <location line="+1" />
        <source>City appearance</source>
        <translation>市容环境</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Advertising</source>
        <translation>宣传广告</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Construction</source>
        <translation>施工管理</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Street order</source>
        <translation>街面秩序</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Environment</source>
        <translation>生态环境</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Emergency</source>
        <translation>突发事件</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../console/qtmodels/labels.py" line="+15" />
        <source>Restaurant</source>
        <translation>餐饮店</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Shop</source>
        <translation>商铺</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Rental house</source>
        <translation>出租房屋</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Hotel</source>
        <translation>旅馆</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Internet café</source>
        <translation>网吧</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Entertainment venue</source>
        <translation>娱乐场所</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Gas station</source>
        <translation>加油站</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Warehouse</source>
        <translation>仓库</translation>
    </message>
    <message>
        <location line="+1" />
        <source>School</source>
        <translation>学校</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Clinic</source>
        <translation>诊所</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Hazardous chemicals site</source>
        <translation>危化品场所</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Office building</source>
        <translation>写字楼</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Industrial park</source>
        <translation>产业园区</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Shopping mall</source>
        <translation>购物中心</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Hospital</source>
        <translation>医院</translation>
    </message>
    <message>
        <location line="+1" />
        <source>University</source>
        <translation>高等院校</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Normal</source>
        <translation>正常</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Partial rectification</source>
        <translation>部分整改</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Full rectification</source>
        <translation>全面整改</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Closed down</source>
        <translation>取缔</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Operator</source>
        <translation>坐席员</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Supervisor</source>
        <translation>督查员</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Wall display</source>
        <translation>大屏</translation>
    </message>
    <message>
        <location line="+4" />
        <source>District</source>
        <translation>区（县）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Township / street office</source>
        <translation>乡镇/街道</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Community / village</source>
        <translation>社区/村</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Department</source>
        <translation>职能部门</translation>
    </message>
</context>
<context>
    <name>LayerPanel</name>
    <message>
        <location filename="../../widgets/map/layer_panel.py" line="+53" />
        <source>Basemap</source>
        <translation>底图</translation>
    </message>
    <message>
        <location line="+2" />
        <source>None (boundaries only)</source>
        <translation>无（仅显示边界）</translation>
    </message>
    <message>
        <location line="+23" />
        <location line="+5" />
        <source>Opacity</source>
        <translation>不透明度</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Clusters when zoomed out</source>
        <translation>缩小时聚合显示</translation>
    </message>
    <message numerus="yes">
        <location line="+12" />
        <source>Last %n days</source>
        <translation>
            <numerusform>近%n天</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6" />
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../widgets/common/login_dialog.py" line="+21" />
        <source>Sign in to Pingan Console</source>
        <translation>登录平安图指挥台</translation>
    </message>
    <message>
        <location line="+16" />
        <source>Database:</source>
        <translation>数据库：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Username:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Enter your username.</source>
        <translation>请输入用户名。</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Wrong username or password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <location line="+6" />
        <source>The database cannot be reached; ask IT staff to check the connection.</source>
        <translation>无法连接数据库，请联系信息技术人员检查连接。</translation>
    </message>
</context>
<context>
    <name>MainActions</name>
    <message>
        <location filename="../../widgets/common/actions.py" line="+12" />
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Find premise</source>
        <translation>查找场所(&amp;F)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Filter &amp;units</source>
        <translation>筛选单位(&amp;U)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>F&amp;ull screen</source>
        <translation>全屏(&amp;U)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Default layout</source>
        <translation>默认布局(&amp;D)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Big-screen layout</source>
        <translation>大屏布局(&amp;B)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Save layout as…</source>
        <translation>布局另存为(&amp;S)…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;About Pingan Console</source>
        <translation>关于平安图指挥台(&amp;A)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../widgets/main_window.py" line="+51" />
        <source>Pingan Console</source>
        <translation>平安图指挥台</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Jurisdiction</source>
        <translation>辖区</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Premises</source>
        <translation>场所</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Incidents</source>
        <translation>事件</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Incident</source>
        <translation>事件详情</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Video wall</source>
        <translation>视频墙</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Track replay</source>
        <translation>轨迹回放</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Ranking</source>
        <translation>排名</translation>
    </message>
    <message>
        <location line="+36" />
        <source>Cameras near here</source>
        <translation>周边视频</translation>
    </message>
    <message>
        <location line="+27" />
        <source>No online camera near this point.</source>
        <translation>此处附近没有在线摄像头。</translation>
    </message>
    <message>
        <location line="+59" />
        <source>Save layout</source>
        <translation>保存布局</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Layout name:</source>
        <translation>布局名称：</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Layout “%1” saved.</source>
        <translation>布局“%1”已保存。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Layout “%1” no longer fits this window.</source>
        <translation>布局“%1”已不适用于当前窗口。</translation>
    </message>
    <message>
        <location line="+12" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+5" />
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location line="+4" />
        <source>&amp;Panels</source>
        <translation>面板(&amp;P)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Layouts</source>
        <translation>布局(&amp;L)</translation>
    </message>
    <message>
        <location line="+4" />
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location line="+5" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location line="+27" />
        <source>&amp;Delete layout</source>
        <translation>删除布局(&amp;D)</translation>
    </message>
    <message>
        <location line="+19" />
        <source>The language changes the next time the console starts.</source>
        <translation>界面语言将在下次启动指挥台时切换。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>About Pingan Console</source>
        <translation>关于平安图指挥台</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Pingan Console: a GIS operations console for social-governance centers.</source>
        <translation>平安图指挥台：面向综治中心的地理信息指挥调度平台。</translation>
    </message>
    <message>
        <location line="+12" />
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Database error: %1</source>
        <translation>数据库错误：%1</translation>
    </message>
</context>
<context>
    <name>MapLayers</name>
    <message>
        <location filename="../../console/qtmodels/map_boundaries.py" line="+131" />
        <source>Boundaries and grids</source>
        <translation>边界与网格</translation>
    </message>
    <message>
        <location filename="../../console/qtmodels/map_premises.py" line="+165" />
        <source>Premises</source>
        <translation>场所</translation>
    </message>
    <message>
        <location filename="../../console/qtmodels/map_heat.py" line="+42" />
        <source>Incident heat map</source>
        <translation>事件热力图</translation>
    </message>
</context>
<context>
    <name>MapLegend</name>
    <message>
        <location filename="../../console/qtmodels/map_markers.py" line="+51" />
        <source>Awaiting acceptance</source>
        <translation>待受理</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Awaiting verification</source>
        <translation>待核查</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Camera offline</source>
        <translation>摄像头离线</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cameras</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Grid workers</source>
        <translation>网格员</translation>
    </message>
    <message>
        <location line="+1" />
        <source>In progress</source>
        <translation>办理中</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Incident cluster: overdue share in red</source>
        <translation>事件聚合：红色为超时占比</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Incidents</source>
        <translation>事件</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Overdue</source>
        <translation>已超时</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Position stale</source>
        <translation>位置过时</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Worker offline</source>
        <translation>网格员离线</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Worker online</source>
        <translation>网格员在线</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Worker position stale</source>
        <translation>网格员位置过时</translation>
    </message>
    <message>
        <location filename="../../console/qtmodels/map_premises.py" line="+53" />
        <source>Premises cluster: count, status shares</source>
        <translation>场所聚合：数量与状态占比</translation>
    </message>
    <message>
        <location filename="../../console/qtmodels/map_heat.py" line="+67" />
        <source>Incident density: low → high</source>
        <translation>事件密度：低 → 高</translation>
    </message>
</context>
<context>
    <name>MapPanel</name>
    <message>
        <location filename="../../widgets/map/panel.py" line="+111" />
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Whole district</source>
        <translation>全区</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Distance</source>
        <translation>测距</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Measure a distance: click points, double-click to end</source>
        <translation>测量距离：依次单击各点，双击结束</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Area</source>
        <translation>测面</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Measure an area: click corners, double-click to end</source>
        <translation>测量面积：依次单击各角点，双击结束</translation>
    </message>
    <message>
        <location line="+2" />
        <location line="+23" />
        <source>Zone</source>
        <translation>区域划定</translation>
    </message>
    <message>
        <location line="-23" />
        <source>Zone tool: rings around a point and what lies inside</source>
        <translation>区域划定：以一点为中心画圈，列出圈内对象</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Lasso</source>
        <translation>套索</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Lasso selection: drag a free-hand line around objects (or Alt-drag)</source>
        <translation>套索选择：按住鼠标画线圈选对象（或按住 Alt 拖动）</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Layers</source>
        <translation>图层</translation>
    </message>
    <message>
        <location line="+54" />
        <source>%1, %2 (WGS-84)</source>
        <translation>%1, %2（WGS-84）</translation>
    </message>
    <message>
        <location line="+119" />
        <source>Zone centred here</source>
        <translation>以此为中心划定区域</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Copy coordinates</source>
        <translation>复制坐标</translation>
    </message>
</context>
<context>
    <name>MapSearchBox</name>
    <message>
        <location filename="../../widgets/map/search.py" line="+18" />
        <source>Search premises: name, address or code</source>
        <translation>搜索场所：名称、地址或编码</translation>
    </message>
    <message>
        <location line="+22" />
        <source>No premise matches “%1”.</source>
        <translation>没有与“%1”匹配的场所。</translation>
    </message>
</context>
<context>
    <name>MapTools</name>
    <message>
        <location filename="../../widgets/map/tools.py" line="+72" />
        <source>Area %1 · perimeter %2</source>
        <translation>面积 %1 · 周长 %2</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Distance %1</source>
        <translation>距离 %1</translation>
    </message>
</context>
<context>
    <name>OrgTreeModel</name>
    <message>
        <location filename="../../console/qtmodels/org_tree.py" line="+60" />
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Premises</source>
        <translation>场所</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Grid workers</source>
        <translation>网格员</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Open incidents</source>
        <translation>在办事件</translation>
    </message>
</context>
<context>
    <name>OrgTreePanel</name>
    <message>
        <location filename="../../widgets/org/org_tree_panel.py" line="+22" />
        <source>Filter units by name or code</source>
        <translation>按名称或代码筛选单位</translation>
    </message>
</context>
<context>
    <name>OverviewInset</name>
    <message>
        <location filename="../../widgets/map/overview.py" line="+36" />
        <source>Overview: click or drag to move the map</source>
        <translation>鹰眼：单击或拖动以移动地图</translation>
    </message>
</context>
<context>
    <name>PremisesPanel</name>
    <message>
        <location filename="../../widgets/premises/premises_panel.py" line="+36" />
        <source>Search premises by name, address or code</source>
        <translation>按名称、地址或编码搜索场所</translation>
    </message>
    <message>
        <location line="+31" />
        <source>Searching…</source>
        <translation>正在搜索…</translation>
    </message>
    <message>
        <location line="+28" />
        <source>%1 premises in total</source>
        <translation>共 %1 个场所</translation>
    </message>
</context>
<context>
    <name>PremisesTableModel</name>
    <message>
        <location filename="../../console/qtmodels/premises_table.py" line="+46" />
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Next inspection</source>
        <translation>下次排查</translation>
    </message>
</context>
<context>
    <name>RankingLabels</name>
    <message>
        <location filename="../../console/qtmodels/review_ranking.py" line="+25" />
        <source>Grid workers</source>
        <translation>网格员</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Grids</source>
        <translation>网格</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Communities</source>
        <translation>社区</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Townships</source>
        <translation>街道</translation>
    </message>
    <message>
        <location line="+4" />
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Last month</source>
        <translation>上月</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Name</source>
        <translation>姓名/名称</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Movement</source>
        <translation>升降</translation>
    </message>
</context>
<context>
    <name>RankingPanel</name>
    <message>
        <location filename="../../widgets/review/ranking_panel.py" line="+74" />
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Level</source>
        <translation>层级</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Period</source>
        <translation>周期</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../widgets/app.py" line="+93" />
        <source>Districts, townships, communities and grids</source>
        <translation>区、街道、社区和网格</translation>
    </message>
    <message>
        <location line="+1" />
        <source>User accounts</source>
        <translation>用户账号</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Grid workers</source>
        <translation>网格员</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Checklists</source>
        <translation>检查清单</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Premises</source>
        <translation>场所</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cameras</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Incidents</source>
        <translation>事件</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Grid workers' tracks</source>
        <translation>网格员轨迹</translation>
    </message>
    <message>
        <location line="+13" />
        <location line="+50" />
        <source>Pingan Console</source>
        <translation>平安图指挥台</translation>
    </message>
    <message>
        <location line="-49" />
        <source>Creating the demo district (first start only)…</source>
        <translation>正在创建演示辖区（仅首次启动）…</translation>
    </message>
    <message>
        <location line="+50" />
        <source>The console cannot start:</source>
        <translation>指挥台无法启动：</translation>
    </message>
</context>
<context>
    <name>TrackReplayPanel</name>
    <message>
        <location filename="../../widgets/review/replay_panel.py" line="+73" />
        <source>Search workers by name or code</source>
        <translation>按姓名或编号搜索网格员</translation>
    </message>
    <message>
        <location line="+13" />
        <source>East (m)</source>
        <translation>东向 (米)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>North (m)</source>
        <translation>北向 (米)</translation>
    </message>
    <message>
        <location line="+9" />
        <location line="+120" />
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <location line="-103" />
        <source>Worker</source>
        <translation>网格员</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+74" />
        <source>No positions on this day.</source>
        <translation>当日无轨迹点。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Distance %1 km · moving %2 · stopped %3 · %4 stops · inside own grids %5 · outside %6 · premises visited %7 of %8 due · %9 fixes dropped</source>
        <translation>里程 %1 公里 · 移动 %2 · 停留 %3 · 停留点 %4 个 · 本网格内 %5 · 网格外 %6 · 已走访场所 %7 / 应检 %8 · 剔除定位点 %9 个</translation>
    </message>
    <message>
        <location line="+23" />
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
</context>
<context>
    <name>VideoPanel</name>
    <message>
        <location filename="../../widgets/video/panel.py" line="+48" />
        <location line="+60" />
        <source>Save preset</source>
        <translation>保存预案</translation>
    </message>
    <message>
        <location line="-58" />
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+74" />
        <source>Start tour</source>
        <translation>开始轮巡</translation>
    </message>
    <message>
        <location line="-72" />
        <source>Tear off</source>
        <translation>弹出窗口</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Layout</source>
        <translation>布局</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Preset</source>
        <translation>预案</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Tour</source>
        <translation>轮巡</translation>
    </message>
    <message>
        <location line="+45" />
        <source>Preset name:</source>
        <translation>预案名称：</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Stop tour</source>
        <translation>停止轮巡</translation>
    </message>
    <message>
        <location line="+17" />
        <source>Video wall</source>
        <translation>视频墙</translation>
    </message>
</context>
<context>
    <name>VideoTile</name>
    <message>
        <location filename="../../widgets/video/tile.py" line="+105" />
        <source>Drop a camera here</source>
        <translation>将摄像头拖到此处</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Connecting…</source>
        <translation>连接中…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>No signal</source>
        <translation>无信号</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Cannot play: %1</source>
        <translation>无法播放：%1</translation>
    </message>
    <message>
        <location line="+6" />
        <source>live</source>
        <translation>实时</translation>
    </message>
    <message>
        <location line="+0" />
        <source>lost</source>
        <translation>中断</translation>
    </message>
    <message>
        <location line="+86" />
        <source>Snapshot</source>
        <translation>截图</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>ZonePanel</name>
    <message>
        <location filename="../../widgets/map/zone_panel.py" line="+42" />
        <source>Sealed zone</source>
        <translation>封控区</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Controlled zone</source>
        <translation>管控区</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Precaution zone</source>
        <translation>防范区</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Premises</source>
        <translation>场所</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Grid workers</source>
        <translation>网格员</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cameras</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Open incidents</source>
        <translation>在办事件</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+90" />
        <source>Click “Pick centre”, then a point on the map.</source>
        <translation>单击“选取中心”，再单击地图上的一点。</translation>
    </message>
    <message>
        <location line="-88" />
        <source>Pick centre</source>
        <translation>选取中心</translation>
    </message>
    <message>
        <location line="+15" />
        <location line="+86" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="-86" />
        <source>Distance</source>
        <translation>距离</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Export to XLSX…</source>
        <translation>导出为 XLSX…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location line="+20" />
        <source>Centre %1, %2 (WGS-84)</source>
        <translation>中心 %1, %2（WGS-84）</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Each ring must be larger than the one inside it.</source>
        <translation>每一圈的半径必须大于其内圈。</translation>
    </message>
    <message>
        <location line="+46" />
        <source>Export zone</source>
        <translation>导出区域</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Summary</source>
        <translation>汇总</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+0" />
        <source>ID</source>
        <translation>编号</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Distance (m)</source>
        <translation>距离（米）</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Longitude</source>
        <translation>经度</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Latitude</source>
        <translation>纬度</translation>
    </message>
</context>
</TS>